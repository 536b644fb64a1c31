using System.CommandLine;
using System.CommandLine.Help;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// The command tree. Each command is a class of its own (options, validation, action) in this folder; a new command
/// is one more class added here.
/// </summary>
internal static class BlazeFaceCommandLine
{
    /// <summary>The command's name as users type it (the tool's command), in help and errors.</summary>
    public const string Name = "blazeface";

    /// <summary>
    /// The root command, named <see cref="Name"/>. A <see cref="RootCommand"/> would take the name of the executable
    /// that happens to run it ("BlazeFace.Cli" under <c>dotnet</c>, "testhost" in the tests), so the root is a plain
    /// command with the help and version options a root command adds.
    /// </summary>
    public static Command Create(CliConsole console) => new(Name, "Finds faces in images and videos with MediaPipe's BlazeFace models.")
    {
        new HelpOption(),
        new VersionOption(),
        new DetectCommand(console),
        new BenchCommand(console),
        new ExportCommand(console),
        new VideoCommand(console),
    };
}
