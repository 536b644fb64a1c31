using System.CommandLine;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// The --model option every command shares: "short", "full", "full-sparse", "back", or a .tflite path whose model is
/// recognised from its graph. The JSON output echoes the argument as given.
/// </summary>
internal static class ModelOption
{
    /// <summary>The bundled models by their command-line names.</summary>
    public static IReadOnlyDictionary<string, Func<BlazeFaceModel>> BundledNames => BundledModelNames.Models;

    public static Option<string> Create()
    {
        var option = OptionParsers.NonEmptyPath(new Option<string>("--model", "-m")
        {
            Description = "short (128x128, faces within ~2 m), full (192x192, ~5 m), full-sparse (MediaPipe's own full-range file, sparse), back (256x256, back camera) or a .tflite file of one of them",
            HelpName = "short|full|full-sparse|back|FILE.tflite",
            DefaultValueFactory = _ => "short",
        }, "short, full, full-sparse, back or a .tflite file");
        option.CompletionSources.Add(BundledNames.Keys.ToArray());
        return option;
    }

    /// <summary>The model file the argument names, or null for a bundled model.</summary>
    public static string? FilePath(string argument) => BundledNames.ContainsKey(argument) ? null : argument;

    /// <summary>Loads the bundled model the argument names, or the file it points to.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened, or is a folder.</exception>
    /// <exception cref="ArgumentException">The path is not a valid path.</exception>
    /// <exception cref="InvalidDataException">The file is not a BlazeFace model.</exception>
    public static BlazeFaceModel Load(string argument)
    {
        if (BundledNames.TryGetValue(argument, out Func<BlazeFaceModel>? bundled))
        {
            return bundled();
        }

        // Opening a folder fails with "Access to the path is denied", which sends the user after permissions.
        return Directory.Exists(argument)
            ? throw new UnauthorizedAccessException("It is a folder, not a model file.")
            : BlazeFaceModel.FromFile(argument);
    }

    /// <summary>Whether an exception from <see cref="Load"/> means the model could not be read (exit code 2).</summary>
    public static bool IsUnreadable(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException;

    /// <summary>The error line for a model that could not be loaded: the path it is about first.</summary>
    public static string Describe(string argument, Exception exception) => $"{argument}: cannot load the model: {exception.Message}";
}
