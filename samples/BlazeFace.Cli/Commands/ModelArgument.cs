namespace BlazeFace.Cli.Commands;

/// <summary>
/// The --model argument: "short", "full", "back", or a .tflite path whose architecture is recognised from its input
/// size. The JSON output echoes the argument as given.
/// </summary>
internal static class ModelArgument
{
    /// <summary>The bundled models by their command-line names.</summary>
    public static IReadOnlyDictionary<string, BlazeFaceModelKind> BundledNames { get; } = new Dictionary<string, BlazeFaceModelKind>(StringComparer.Ordinal)
    {
        ["short"] = BlazeFaceModelKind.ShortRange,
        ["full"] = BlazeFaceModelKind.FullRange,
        ["back"] = BlazeFaceModelKind.BackCamera,
    };

    public static BlazeFaceModel Load(string? argument) =>
        argument is null ? BlazeFaceModel.ShortRange
        : BundledNames.TryGetValue(argument, out BlazeFaceModelKind kind) ? BlazeFaceModel.Bundled(kind)
        : BlazeFaceModel.FromFile(argument);
}
