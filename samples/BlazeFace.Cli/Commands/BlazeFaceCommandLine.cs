using System.CommandLine;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// The command tree. Each command is a class of its own (options, validation, action) in this folder; a new command
/// is one more class added here.
/// </summary>
internal static class BlazeFaceCommandLine
{
    public static RootCommand Create(CliConsole console) => new("Finds faces in images and videos with MediaPipe's BlazeFace models.")
    {
        new DetectCommand(console),
        new BenchCommand(console),
        new ExportCommand(console),
        new VideoCommand(console),
    };
}
