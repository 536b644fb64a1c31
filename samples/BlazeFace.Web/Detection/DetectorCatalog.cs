using System.Collections.Concurrent;
using BlazeFace.Cli.Commands;
using BlazeFace.Web.Hosting;
using BlazeFace.Web.Requests;
using Microsoft.Extensions.Options;

namespace BlazeFace.Web.Detection;

/// <summary>
/// The server's detectors, one per (model, minScore) asked for, created on first use and shared by every request
/// and WebSocket afterwards (a <see cref="FaceDetector"/> is thread-safe). At most
/// <see cref="WebSampleOptions.MaxCachedDetectors"/> are kept, so callers cycling through thresholds cannot grow
/// the server without bound: past that, a request gets a detector of its own that it disposes when done.
/// </summary>
internal sealed class DetectorCatalog(IOptions<WebSampleOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<(string Model, float? MinScore), Lazy<FaceDetector>> _detectors = new();
    private readonly int _capacity = options.Value.MaxCachedDetectors;

    /// <summary>The detector for the query's model and threshold.</summary>
    /// <returns>A lease whose <see cref="DetectorLease.Dispose"/> releases the detector if it is not a shared one.</returns>
    public DetectorLease Rent(DetectionQuery query)
    {
        var key = (query.ModelName, query.MinScore);
        if (_detectors.TryGetValue(key, out Lazy<FaceDetector>? shared))
        {
            return new DetectorLease(shared.Value, owned: false);
        }

        // Two first requests for new pairs at once may both pass the count: the catalog can exceed its capacity by
        // the number of concurrent callers, never more.
        if (_detectors.Count < _capacity)
        {
            return new DetectorLease(_detectors.GetOrAdd(key, Create).Value, owned: false);
        }

        return new DetectorLease(Create(key).Value, owned: true);
    }

    public void Dispose()
    {
        foreach (Lazy<FaceDetector> detector in _detectors.Values)
        {
            if (detector.IsValueCreated)
            {
                detector.Value.Dispose();
            }
        }
    }

    private static Lazy<FaceDetector> Create((string Model, float? MinScore) key) => new(() => new FaceDetector(new FaceDetectorOptions
    {
        Model = BundledModelNames.Models[key.Model](),
        MinScore = key.MinScore,
    }));
}
