namespace BlazeFace.Benchmarks;

/// <summary>Maps the <see cref="BlazeFaceModelKind"/> benchmark parameter to the bundled model.</summary>
internal static class ModelCatalog
{
    public static BlazeFaceModel Get(BlazeFaceModelKind kind) => kind switch
    {
        BlazeFaceModelKind.ShortRange => BlazeFaceModel.ShortRange,
        BlazeFaceModelKind.FullRange => BlazeFaceModel.FullRange,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind."),
    };
}
