namespace BlazeFace.Benchmarks;

/// <summary>Maps the <see cref="BlazeFaceModelKind"/> benchmark parameter to the bundled model.</summary>
internal static class ModelCatalog
{
    public static BlazeFaceModel Get(BlazeFaceModelKind kind) => BlazeFaceModel.Bundled(kind);
}
