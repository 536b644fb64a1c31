using System.CommandLine;
using BlazeFace.Cli.Video;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// <c>video INPUT [--model M] [--min-score S] [--json] [--out OUT.avi|OUT.mp4] [--every N] [--fps F] [--allow-partial]
/// [--mesh [--max-faces N]]</c>: follows the faces of a video file or a folder of frames with <see cref="FaceTracker"/>, or
/// with <see cref="FaceLandmarker"/> and its face mesh; parses the options into <see cref="VideoSettings"/> and runs
/// <see cref="VideoRun"/>.
/// </summary>
internal sealed class VideoCommand : Command
{
    public VideoCommand(CliConsole console)
        : base("video", "Track faces through a video file (AVI, MP4, ... read by OpenCV) or a folder of frames: stable ids, smoothed boxes and keypoints, one line per frame, optionally an annotated video.")
    {
        Add(Input);
        Add(Model);
        Add(MinScore);
        Add(Json);
        Add(Out);
        Add(Every);
        Add(Fps);
        Add(DecodeOnly);
        Add(AllowPartial);
        Add(Mesh);
        Add(MaxFaces);
        UnknownOptions.RejectIn(Input, this);
        Validators.Add(result =>
        {
            if (result.GetResult(Mesh) is null)
            {
                if (result.GetResult(MaxFaces) is { Implicit: false })
                {
                    result.AddError($"{MaxFaces.Name} is the most faces {Mesh.Name} follows; give {Mesh.Name} too.");
                }
            }
            else if (result.GetResult(Every) is { Implicit: false })
            {
                result.AddError($"{Every.Name} does not apply with {Mesh.Name}: the face mesh follows faces by their landmarks and runs the detector only to find new or lost ones.");
            }
        });
        Out.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } path && !AnnotatedVideoWriter.IsSupportedPath(path))
            {
                result.AddError($"--out takes a .avi (MJPG) or .mp4 (MPEG-4) file, not '{path}'.");
            }
        });

        // Ctrl+C or SIGTERM stops the run between frames, so the annotated video is still finalised (StopSignal).
        SetAction((parseResult, cancellation) =>
        {
            using var stop = new StopSignal(cancellation);
            return Task.FromResult(new VideoRun(Read(parseResult), console).Execute(stop.Token));
        });
    }

    public Argument<string> Input { get; } = OptionParsers.NonEmptyPaths(new Argument<string>("input")
    {
        Description = "A video file, or a folder of frames (.jpg, .jpeg, .png, .webp, .gif, .bmp, in order of their names; sizes may differ)",
        HelpName = "VIDEO|FOLDER",
    }, "The video or folder");

    public Option<string> Model { get; } = ModelOption.Create();

    public Option<float?> MinScore { get; } = OptionParsers.Fraction(new Option<float?>("--min-score")
    {
        Description = "Drop faces scoring below this, 0 to 1 (default: the model's, 0.5 short, 0.6 full, 0.65 back)",
        HelpName = "S",
    });

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "One JSON object per frame, one per line: frame, time_ms, faces with id, score, box and keypoints",
    };

    public Option<string?> Out { get; } = OptionParsers.NonEmptyPath(new Option<string?>("--out", "-o")
    {
        Description = "Write the video with faces and their ids drawn: .avi (MJPG) or .mp4 (MPEG-4), at the input's frame rate and first frame's size. Never the input",
        HelpName = "OUT.avi|OUT.mp4",
    }, "a .avi or .mp4 file");

    public Option<int> Every { get; } = OptionParsers.Positive(new Option<int>("--every")
    {
        Description = "Run the detector on frames 0, N, 2N, ... only; on the frames between, the tracked faces are predicted along their motion (no detection). Every frame is still output, so detection costs 1/N",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    });

    public Option<double> Fps { get; } = OptionParsers.Number(
        new Option<double>("--fps")
        {
            Description = "Frame rate of a folder of frames, or of a video file that gives none (0.001 to 1,000,000)",
            HelpName = "F",
            DefaultValueFactory = _ => 30,
        },
        VideoSettings.MinFramesPerSecond,
        VideoSettings.MaxFramesPerSecond);

    /// <summary>Hidden: reads and decodes every frame and does nothing else, to compare the decoder's speed with the whole run's.</summary>
    public Option<bool> DecodeOnly { get; } = new("--decode-only")
    {
        Description = "Only read and decode the frames (measures the decoder's throughput)",
        Hidden = true,
    };

    public Option<bool> AllowPartial { get; } = new("--allow-partial")
    {
        Description = "Read truncated frame files of a folder as far as their data goes instead of stopping there with exit code 2",
    };

    public Option<bool> Mesh { get; } = new("--mesh")
    {
        Description = "Follow the faces with MediaPipe's 468-point face mesh: each frame's regions come from the previous frame's landmarks and the detector runs only to find new or lost faces; in --json each face has id, box (around its landmarks), presence and landmarks (x, y, z in the frame's pixels), and score and keypoints on frames where the detector found it; --out draws the mesh",
    };

    public Option<int> MaxFaces { get; } = OptionParsers.WholeNumber(
        new Option<int>("--max-faces")
        {
            Description = "With --mesh, the most faces followed at once, 1 to 1024; while fewer are followed the detector runs every frame (default: 1, MediaPipe's)",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        },
        1,
        VideoSettings.MaxMeshFaces);

    private VideoSettings Read(ParseResult parseResult) => new(
        Input: parseResult.GetValue(Input)!,
        Model: parseResult.GetValue(Model) ?? "short",
        MinScore: parseResult.GetValue(MinScore),
        Json: parseResult.GetValue(Json),
        Out: parseResult.GetValue(Out),
        Every: parseResult.GetValue(Every),
        FramesPerSecond: parseResult.GetValue(Fps),
        DecodeOnly: parseResult.GetValue(DecodeOnly),
        AllowPartialImages: parseResult.GetValue(AllowPartial),
        Mesh: parseResult.GetValue(Mesh),
        MaxFaces: parseResult.GetValue(MaxFaces));
}
