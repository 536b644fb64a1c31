using System.Drawing;
using System.CommandLine;
using System.CommandLine.Parsing;
using BlazeFace.Cli.Batch;
using BlazeFace.Preprocessing;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// <c>detect IMAGE|FOLDER... [--model M] [--min-score S] [--nms weighted|hard] [--resize letterbox|stretch] [--json]
/// [--out FILE|FOLDER] [--rotation DEG] [--auto-rotate] [--roi X,Y,W,H] [--tiles] [--crops DIR [--crop-size N]]
/// [--allow-partial] [--mesh] [--jobs N] [--full-resolution] [--recursive] [--ext EXT,...] [--shard K/N] [--resume RESULTS.jsonl]</c>:
/// parses the options into <see cref="DetectSettings"/> and runs <see cref="DetectRun"/>.
/// </summary>
/// <remarks>A new option is one property here, one line in the constructor, and one field of <see cref="DetectSettings"/>.</remarks>
internal sealed class DetectCommand : Command
{
    public DetectCommand(CliConsole console)
        : base("detect", "Find faces in images (JPEG, PNG, WebP, GIF, BMP; EXIF orientation applied) and print them as a table or JSON lines.")
    {
        Add(Inputs);
        Add(Model);
        Add(MinScore);
        Add(Nms);
        Add(Resize);
        Add(Json);
        Add(Out);
        Add(Rotation);
        Add(AutoRotate);
        Add(RegionOfInterest);
        Add(Tiles);
        Add(Crops);
        Add(CropSize);
        Add(AllowPartial);
        Add(Mesh);
        Add(Jobs);
        Add(FullResolution);
        Add(Recursive);
        Add(Extensions);
        Add(ShardOption);
        Add(Resume);
        UnknownOptions.RejectIn(Inputs, this);
        Validators.Add(RequireCropsForCropSize);

        // Ctrl+C or SIGTERM stops the taking of new photos; those started are finished and written (StopSignal).
        SetAction((parseResult, cancellation) =>
        {
            using var stop = new StopSignal(cancellation);
            return Task.FromResult(new DetectRun(Read(parseResult), console).Execute(stop.Token));
        });
    }

    public Argument<string[]> Inputs { get; } = OptionParsers.NonEmptyPaths(new Argument<string[]>("images")
    {
        Description = "Image files, or folders whose .jpg, .jpeg, .png, .webp, .gif and .bmp files are all read",
        HelpName = "IMAGE|FOLDER",
        Arity = ArgumentArity.OneOrMore,
    }, "An image or folder");

    public Option<string> Model { get; } = ModelOption.Create();

    public Option<float?> MinScore { get; } = OptionParsers.Fraction(new Option<float?>("--min-score")
    {
        Description = "Drop faces scoring below this, 0 to 1 (default: the model's, 0.5 short, 0.6 full, 0.65 back)",
        HelpName = "S",
    });

    public Option<string> Nms { get; } = OptionParsers.OneOf(
        new Option<string>("--nms") { Description = "How overlapping candidates merge: weighted (MediaPipe's blend) or hard (keep the best)" },
        "weighted",
        "hard");

    public Option<string> Resize { get; } = OptionParsers.OneOf(
        new Option<string>("--resize") { Description = "How the image is fitted to the model input: letterbox (keeps the aspect ratio) or stretch" },
        "letterbox",
        "stretch");

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "One JSON object per image, one per line, instead of a table",
    };

    public Option<string?> Out { get; } = OptionParsers.NonEmptyPath(new Option<string?>("--out", "-o")
    {
        Description = "Write the image with faces drawn: for one image file a .png or .jpg file; for several images or a folder, a folder that receives NAME.png for each (images sharing a NAME are refused). Never an input",
        HelpName = "FILE|FOLDER",
    }, "a .png or .jpg file, or a folder");

    public Option<float?> Rotation { get; } = SearchGeometryOptions.Rotation();

    public Option<bool> AutoRotate { get; } = new("--auto-rotate")
    {
        Description = "Search four orientations (0, 90, 180 and 270 degrees, plus --rotation), report the faces of the one whose best face scores highest, and from the others only faces scoring halfway from the threshold to 1; four times the cost",
    };

    public Option<Rectangle?> RegionOfInterest { get; } = SearchGeometryOptions.RegionOfInterest();

    public Option<bool> Tiles { get; } = new("--tiles")
    {
        Description = "Also search overlapping tiles at the image's own resolution, for small faces in large images (best with --model full or back); cost grows with the image's area",
    };

    public Option<string?> Crops { get; } = OptionParsers.NonEmptyPath(new Option<string?>("--crops")
    {
        Description = "Write each face as an upright, eye-levelled square crop: DIR/NAME_faceK.png, K from 1 in result order (images sharing a NAME are refused)",
        HelpName = "DIR",
    }, "a folder");

    public Option<int> CropSize { get; } = SearchGeometryOptions.CropSize();

    public Option<bool> AllowPartial { get; } = new("--allow-partial")
    {
        Description = "Read truncated image files as far as their data goes (the rest blank or coarse) instead of refusing them with exit code 2",
    };

    public Option<bool> Mesh { get; } = new("--mesh")
    {
        Description = "Also map each face with MediaPipe's 468-point face mesh: in --json each face gains presence and, unless the landmark model rejects it, landmarks (x, y, z in image pixels); --out draws the mesh",
    };

    public Option<int> Jobs { get; } = OptionParsers.WholeNumber(new Option<int>("--jobs", "-j")
    {
        Description = "Photos read, decoded and searched at once (default: the processor count); results still come in input order",
        HelpName = "N",
        DefaultValueFactory = _ => Math.Clamp(Environment.ProcessorCount, 1, MaxJobs),
    }, 1, MaxJobs);

    public Option<bool> FullResolution { get; } = new("--full-resolution")
    {
        Description = "Decode every image whole; by default a JPEG is decoded at the smallest DCT scale (1/2, 1/4, 1/8) that keeps the model's input resolution, unless --out, --crops, --tiles, --roi or --mesh need the full image",
    };

    public Option<bool> Recursive { get; } = new("--recursive", "-r")
    {
        Description = "Also read the subfolders of folder arguments (not hidden ones, not links to folders)",
    };

    public Option<IReadOnlySet<string>?> Extensions { get; } = OptionParsers.ImageExtensions(new Option<IReadOnlySet<string>?>("--ext")
    {
        Description = "Read only folder files with these extensions, comma-separated, such as jpg,jpeg (default: all of .jpg .jpeg .png .webp .gif .bmp)",
        HelpName = "EXT,...",
    }, InputFiles.ImageExtensions);

    public Option<Shard?> ShardOption { get; } = OptionParsers.ShardOf(new Option<Shard?>("--shard")
    {
        Description = "Read only shard K (from 0) of N: the files whose path below the folder argument hashes to K; the N shards cover every file once, on any machine",
        HelpName = "K/N",
    });

    public Option<string?> Resume { get; } = OptionParsers.NonEmptyPath(new Option<string?>("--resume")
    {
        Description = "Skip the images already in this JSON-lines file and append each new result to it as it is done (created when missing); stdout stays empty",
        HelpName = "RESULTS.jsonl",
    }, "a JSON-lines results file");

    /// <summary>The most --jobs accepted.</summary>
    private const int MaxJobs = 256;

    private void RequireCropsForCropSize(CommandResult result)
    {
        if (result.GetResult(CropSize) is { Implicit: false } && result.GetResult(Crops) is null)
        {
            result.AddError($"{CropSize.Name} sizes the crops of {Crops.Name}; give {Crops.Name} DIR too.");
        }
    }

    private DetectSettings Read(ParseResult parseResult) => new(
        Inputs: parseResult.GetValue(Inputs) ?? [],
        Model: parseResult.GetValue(Model) ?? "short",
        MinScore: parseResult.GetValue(MinScore),
        NonMaxSuppression: parseResult.GetValue(Nms) == "hard" ? NonMaxSuppressionKind.Hard : NonMaxSuppressionKind.Weighted,
        Resize: parseResult.GetValue(Resize) == "stretch" ? ResizeMode.Stretch : ResizeMode.Letterbox,
        Json: parseResult.GetValue(Json),
        Out: parseResult.GetValue(Out),
        Search: new ImageProcessingOptions
        {
            RotationDegrees = parseResult.GetValue(Rotation) ?? 0f,
            AutoRotate = parseResult.GetValue(AutoRotate),
            RegionOfInterest = parseResult.GetValue(RegionOfInterest),
            Tiling = parseResult.GetValue(Tiles) ? TilingOptions.Default : null,
        },
        Crops: parseResult.GetValue(Crops),
        CropSize: parseResult.GetValue(CropSize),
        AllowPartialImages: parseResult.GetValue(AllowPartial))
    {
        Mesh = parseResult.GetValue(Mesh),
        Jobs = parseResult.GetValue(Jobs),
        FullResolution = parseResult.GetValue(FullResolution),
        Recursive = parseResult.GetValue(Recursive),
        Extensions = parseResult.GetValue(Extensions) ?? InputFiles.ImageExtensions,
        Shard = parseResult.GetValue(ShardOption),
        ResumeFile = parseResult.GetValue(Resume),
    };
}
