using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using BlazeFace.Cli.Imaging;
using BlazeFace.Imaging;
using SkiaSharp;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// <c>bench IMAGE [--model M] [--iterations N] [--threads T] [--mesh]</c>: one JSON line of timings from <see cref="BenchRun"/>.
/// </summary>
internal sealed class BenchCommand : Command
{
    /// <summary>The most timed runs of each measurement: a million detections take minutes even on the short model.</summary>
    public const int MaxIterations = 1_000_000;

    /// <summary>The most threads: well past any machine's cores, and each one holds a detector working set.</summary>
    public const int MaxThreads = 256;

    /// <summary>The largest batch of the throughput figure (N x T images), whose list and results are held in memory.</summary>
    public const int MaxBatch = 1_000_000;

    public BenchCommand(CliConsole console)
        : base("bench", "Time the detector on one image: medians of the network alone and of Detect, bytes allocated per Detect, and throughput on T threads, as one JSON line.")
    {
        Add(Image);
        Add(Model);
        Add(Iterations);
        Add(Threads);
        Add(Mesh);
        UnknownOptions.RejectIn(Image, this);
        Validators.Add(RequireBatchWithinBound);
        SetAction(parseResult => Execute(parseResult, console));
    }

    public Argument<string> Image { get; } = OptionParsers.NonEmptyPaths(new Argument<string>("image")
    {
        Description = "The image to detect on, again and again",
        HelpName = "IMAGE",
    }, "The image");

    public Option<string> Model { get; } = ModelOption.Create();

    public Option<int> Iterations { get; } = OptionParsers.WholeNumber(
        new Option<int>("--iterations", "-n")
        {
            Description = "Timed runs of each measurement, 1 to 1,000,000 (after a warm-up of a tenth of them, at least 20)",
            HelpName = "N",
            DefaultValueFactory = _ => 1000,
        },
        1,
        MaxIterations);

    public Option<int> Threads { get; } = OptionParsers.WholeNumber(
        new Option<int>("--threads", "-t")
        {
            Description = "Threads for the throughput figure (DetectBatch over N x T images), 1 to 256; N x T at most 1,000,000",
            HelpName = "T",
            DefaultValueFactory = _ => 1,
        },
        1,
        MaxThreads);

    public Option<bool> Mesh { get; } = new("--mesh")
    {
        Description = "Also time the face mesh: the landmark network alone, and detection plus mesh of the image's best face (FaceLandmarker.Detect), with the bytes it allocates",
    };

    private void RequireBatchWithinBound(CommandResult result)
    {
        long batch;
        try
        {
            batch = (long)result.GetValue(Iterations) * result.GetValue(Threads);
        }
        catch (InvalidOperationException)
        {
            return; // a value that did not parse has its own error already
        }

        if (batch > MaxBatch)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{Iterations.Name} x {Threads.Name} is the batch timed for the throughput, at most {MaxBatch:N0}, not {batch:N0}."));
        }
    }

    private int Execute(ParseResult parseResult, CliConsole console)
    {
        string imagePath = parseResult.GetValue(Image)!;
        string modelArgument = parseResult.GetValue(Model) ?? "short";
        ImageBuffer frame;
        BlazeFaceModel model;
        try
        {
            using SKBitmap image = ImageFileLoader.Load(imagePath);
            frame = Rgb24Frame.From(image);
        }
        catch (Exception e) when (ImageFileLoader.IsUnreadable(e))
        {
            console.ReportError($"{imagePath}: {e.Message}");
            return ExitCodes.BadInput;
        }

        try
        {
            model = ModelOption.Load(modelArgument);
        }
        catch (Exception e) when (ModelOption.IsUnreadable(e))
        {
            console.ReportError(ModelOption.Describe(modelArgument, e));
            return ExitCodes.BadInput;
        }

        var run = new BenchRun(model, frame, parseResult.GetValue(Iterations), parseResult.GetValue(Threads), parseResult.GetValue(Mesh));
        console.Output.Flush();
        run.WriteJson(console.OutputStream, modelArgument);
        return ExitCodes.Success;
    }
}
