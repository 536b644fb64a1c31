namespace BlazeFace.Cli.Commands;

/// <summary>
/// The bundled models by the names the CLI's --model option and the web sample's <c>model</c> parameter take, and
/// that their JSON echoes: "short", "full", "full-sparse", "back".
/// </summary>
internal static class BundledModelNames
{
    public static IReadOnlyDictionary<string, Func<BlazeFaceModel>> Models { get; } = new Dictionary<string, Func<BlazeFaceModel>>(StringComparer.Ordinal)
    {
        ["short"] = () => BlazeFaceModel.ShortRange,
        ["full"] = () => BlazeFaceModel.FullRange,
        ["full-sparse"] = () => BlazeFaceModel.FullRangeSparse,
        ["back"] = () => BlazeFaceModel.BackCamera,
    };
}
