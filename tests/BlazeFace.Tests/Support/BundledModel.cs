namespace BlazeFace.Tests.Support;

/// <summary>The bundled models, as test parameters (test names read "ShortRange", not a model's description).</summary>
public enum BundledModel
{
    ShortRange,
    FullRange,
    FullRangeSparse,
    BackCamera,
}

/// <summary>From a test parameter to the model.</summary>
public static class BundledModelExtensions
{
    public static BlazeFaceModel Load(this BundledModel model) => model switch
    {
        BundledModel.ShortRange => BlazeFaceModel.ShortRange,
        BundledModel.FullRange => BlazeFaceModel.FullRange,
        BundledModel.FullRangeSparse => BlazeFaceModel.FullRangeSparse,
        BundledModel.BackCamera => BlazeFaceModel.BackCamera,
        _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
    };
}
