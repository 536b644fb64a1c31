using System.CommandLine;
using BlazeFace.Cli.Imaging;
using BlazeFace.Imaging;
using SkiaSharp;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// <c>bench IMAGE [--model M] [--iterations N] [--threads T]</c>: one JSON line of timings from <see cref="BenchRun"/>.
/// </summary>
internal sealed class BenchCommand : Command
{
    public BenchCommand(CliConsole console)
        : base("bench", "Time the detector on one image: medians of the network alone and of Detect, bytes allocated per Detect, and throughput on T threads, as one JSON line.")
    {
        Add(Image);
        Add(Model);
        Add(Iterations);
        Add(Threads);
        UnknownOptions.RejectIn(Image, this);
        SetAction(parseResult => Execute(parseResult, console));
    }

    public Argument<string> Image { get; } = new("image")
    {
        Description = "The image to detect on, again and again",
        HelpName = "IMAGE",
    };

    public Option<string> Model { get; } = ModelOption.Create();

    public Option<int> Iterations { get; } = OptionParsers.Positive(new Option<int>("--iterations", "-n")
    {
        Description = "Timed runs of each measurement (after a warm-up of a tenth of them, at least 20)",
        HelpName = "N",
        DefaultValueFactory = _ => 1000,
    });

    public Option<int> Threads { get; } = OptionParsers.Positive(new Option<int>("--threads", "-t")
    {
        Description = "Threads for the throughput figure (DetectBatch over N x T images)",
        HelpName = "T",
        DefaultValueFactory = _ => 1,
    });

    private int Execute(ParseResult parseResult, CliConsole console)
    {
        string imagePath = parseResult.GetValue(Image)!;
        string modelArgument = parseResult.GetValue(Model) ?? "short";
        ImageBuffer frame;
        BlazeFaceModel model;
        try
        {
            using (SKBitmap image = ImageFileLoader.Load(imagePath))
            {
                frame = Rgb24Frame.From(image);
            }

            model = ModelOption.Load(modelArgument);
        }
        catch (Exception e) when (ImageFileLoader.IsUnreadable(e) || ModelOption.IsUnreadable(e))
        {
            console.ReportError(e.Message);
            return ExitCodes.BadInput;
        }

        var run = new BenchRun(model, frame, parseResult.GetValue(Iterations), parseResult.GetValue(Threads));
        console.Output.Flush();
        run.WriteJson(console.OutputStream, modelArgument);
        return ExitCodes.Success;
    }
}
