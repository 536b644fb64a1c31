namespace BlazeFace.Web.Detection;

/// <summary>An object lent by a <see cref="SharedCatalog{T}"/>: disposing the lease disposes the object only when it was made for this caller alone.</summary>
internal readonly struct CatalogLease<T>(T instance, bool owned) : IDisposable
    where T : class, IDisposable
{
    public T Instance { get; } = instance;

    public void Dispose()
    {
        if (owned)
        {
            Instance.Dispose();
        }
    }
}
