namespace BlazeFace.Cli.Commands;

/// <summary>
/// The --model argument: "short", "full", or a .tflite path whose architecture is recognised from its input size.
/// The JSON output echoes the argument as given.
/// </summary>
internal static class ModelArgument
{
    public static BlazeFaceModel Load(string? argument) => argument switch
    {
        null or "short" => BlazeFaceModel.ShortRange,
        "full" => BlazeFaceModel.FullRange,
        _ => BlazeFaceModel.FromFile(argument),
    };
}
