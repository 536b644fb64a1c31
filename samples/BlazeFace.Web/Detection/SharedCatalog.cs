using System.Collections.Concurrent;
using BlazeFace.Web.Hosting;
using BlazeFace.Web.Requests;

namespace BlazeFace.Web.Detection;

/// <summary>
/// Thread-safe objects built for one (model, minScore) pair, created on first use and shared by every request
/// asking for that pair afterwards: create once, run many. At most <see cref="WebSampleOptions.MaxCachedDetectors"/>
/// are kept, so callers cycling through thresholds cannot grow the server without bound: past that, a request gets
/// an object of its own that it disposes when done.
/// </summary>
/// <typeparam name="T">What is shared: a detector, or a face landmarker for <c>mesh=true</c>.</typeparam>
internal abstract class SharedCatalog<T>(int capacity) : IDisposable
    where T : class, IDisposable
{
    private readonly ConcurrentDictionary<(string Model, float? MinScore), Lazy<T>> _shared = new();

    /// <summary>The object for the query's model and threshold.</summary>
    /// <returns>A lease whose <see cref="CatalogLease{T}.Dispose"/> releases the object if it is not a shared one.</returns>
    public CatalogLease<T> Rent(DetectionQuery query)
    {
        var key = (query.ModelName, query.MinScore);
        if (_shared.TryGetValue(key, out Lazy<T>? shared))
        {
            return new CatalogLease<T>(shared.Value, owned: false);
        }

        // Two first requests for new pairs at once may both pass the count: the catalog can exceed its capacity by
        // the number of concurrent callers, never more.
        if (_shared.Count < capacity)
        {
            Lazy<T> added = _shared.GetOrAdd(key, static (_, state) => new Lazy<T>(() => state.Catalog.Create(state.Query)), (Catalog: this, Query: query));
            return new CatalogLease<T>(added.Value, owned: false);
        }

        return new CatalogLease<T>(Create(query), owned: true);
    }

    public void Dispose()
    {
        foreach (Lazy<T> item in _shared.Values)
        {
            if (item.IsValueCreated)
            {
                item.Value.Dispose();
            }
        }
    }

    /// <summary>Builds the object for the query's model and threshold (its other fields do not matter).</summary>
    protected abstract T Create(DetectionQuery query);
}
