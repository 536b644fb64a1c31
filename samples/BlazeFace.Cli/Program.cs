using BlazeFace.Cli.Commands;

namespace BlazeFace.Cli;

/// <summary>The BlazeFace command-line sample: <c>detect</c> faces in images, or <c>bench</c> the detector.</summary>
internal static class Program
{
    private const string Usage = """
        usage:
          BlazeFace.Cli detect IMAGE|FOLDER... [--model short|full|FILE.tflite] [--min-score S]
                        [--nms weighted|hard] [--resize letterbox|stretch] [--json] [--out OUT.png|FOLDER]
          BlazeFace.Cli bench IMAGE [--model short|full|FILE.tflite] [--iterations N] [--threads T]
        images: PNG, binary or ASCII PPM/PGM, baseline and progressive JPEG
        exit codes: 0 ok, 1 bad command line, 2 an image or model could not be read
        """;

    public static int Main(string[] args) => Run(args, Console.Out, Console.OpenStandardOutput(), Console.Error);

    internal static int Run(string[] args, TextWriter output, Stream standardOutput, TextWriter error)
    {
        try
        {
            return args switch
            {
                ["detect", .. var rest] => DetectCommand.Run(rest, output, standardOutput, error),
                ["bench", .. var rest] => BenchCommand.Run(rest, output, error),
                ["--help" or "-h" or "help", ..] => PrintUsage(output, ExitCodes.Success),
                _ => throw new CommandLineException(args.Length == 0 ? "No command given." : $"Unknown command '{args[0]}'."),
            };
        }
        catch (CommandLineException e)
        {
            error.WriteLine($"error: {e.Message}");
            return PrintUsage(error, ExitCodes.Usage);
        }
    }

    private static int PrintUsage(TextWriter writer, int exitCode)
    {
        writer.WriteLine(Usage);
        return exitCode;
    }
}
