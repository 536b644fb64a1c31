using BlazeFace.Cli.Files;
using BlazeFace.Cli.Output;
using BlazeFace.Cli.Video;
using BlazeFace.OpenCvSharp;
using OpenCvSharp;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// One <c>video</c> run: each frame of the input through <see cref="FaceTracker"/> (detecting on every
/// <see cref="VideoSettings.Every"/>-th frame, predicting between), one output line per frame, the annotated video.
/// A truncated or damaged input stops the run with one error line (exit code 2) after everything before the damage
/// has been output; the annotated video is finalised and renamed into place on every way out but a failure to write
/// it, Ctrl+C included. Frames may change size mid-stream: faces are tracked in the first frame's pixels
/// (<see cref="FrameScale"/>) and reported in each frame's own.
/// </summary>
internal sealed class VideoRun(VideoSettings settings, CliConsole console)
{
    public int Execute(CancellationToken cancellation)
    {
        if (settings.Out is { } outPath && ReplacedInput(outPath) is { } input)
        {
            console.ReportError($"{outPath}: --out would replace the input {input} (it is the same file); name another");
            return ExitCodes.Usage;
        }

        if (OpenCvRuntime.TryLoad() is { } missing)
        {
            console.ReportError(missing);
            return ExitCodes.BadInput;
        }

        BlazeFaceModel? model = null;
        if (!settings.DecodeOnly)
        {
            try
            {
                model = ModelOption.Load(settings.Model);
            }
            catch (Exception e) when (ModelOption.IsUnreadable(e))
            {
                console.ReportError(ModelOption.Describe(settings.Model, e));
                return ExitCodes.BadInput;
            }
        }

        using var detector = model is null ? null : new FaceDetector(new FaceDetectorOptions { Model = model, MinScore = settings.MinScore });
        var progress = new FrameProgress(console.Error);
        IFrameSource source;
        try
        {
            source = Directory.Exists(settings.Input) ? FrameFolderSource.Open(settings.Input, settings.AllowPartialImages) : VideoFileSource.Open(settings.Input);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            console.ReportError($"{settings.Input}: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (source)
        {
            progress.FrameCount = source.FrameCount;
            return detector is null ? Decode(source, progress, cancellation) : Track(source, detector, progress, cancellation);
        }
    }

    /// <summary>The input file (or frame of the input folder) that <paramref name="outPath"/> names by any path or link, or null.</summary>
    private string? ReplacedInput(string outPath)
    {
        IReadOnlyList<string> inputs;
        try
        {
            inputs = Directory.Exists(settings.Input) ? InputFiles.InFolder(settings.Input) : [settings.Input];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // opening the folder as the input reports it
        }

        return new InputFileSet(inputs).InputAt(outPath);
    }

    private int Track(IFrameSource source, FaceDetector detector, FrameProgress progress, CancellationToken cancellation)
    {
        var tracker = new FaceTracker(detector);
        var clock = new FrameClock(source.FramesPerSecond ?? settings.FramesPerSecond);
        var faces = new TrackedFace[tracker.Options.MaxTracks];
        var detections = new FaceDetection[tracker.Options.MaxTracks];
        console.Output.Flush();
        using TrackedFrameJsonWriter? json = settings.Json ? new TrackedFrameJsonWriter(console.OutputStream) : null;
        TrackedFrameTextWriter? text = settings.Json ? null : new TrackedFrameTextWriter(console.Output);
        using var frame = new Mat();
        int frames = 0;
        AnnotatedVideoWriter? writer = null;
        try
        {
            writer = settings.Out is { } outPath ? new AnnotatedVideoWriter(outPath, clock.FramesPerSecond, faces.Length) : null;
            Size? firstSize = null;
            while (!cancellation.IsCancellationRequested && source.TryRead(frame, out TimeSpan? reported))
            {
                TimeSpan time = clock.Next(reported);
                firstSize ??= frame.Size();
                var scale = new FrameScale(frame.Size(), firstSize.Value);
                int count;
                if (frames % settings.Every == 0)
                {
                    Span<FaceDetection> found = detections.AsSpan(0, detector.Detect(frame.AsImageView(), detections, out _));
                    scale.ToReference(found);
                    count = tracker.Track(found, time, faces, out _);
                }
                else
                {
                    count = tracker.Predict(time, faces);
                }

                Span<TrackedFace> tracked = faces.AsSpan(0, count);
                scale.ToFrame(tracked);

                // The annotated frame first: when it cannot be written, the frame gets the error line and no output line.
                writer?.Write(frame, tracked);
                json?.Write(frames, time, tracked);
                text?.Write(frames, time, tracked);
                frames++;
                progress.Completed(frames);
            }

            writer?.Complete();
        }
        catch (InvalidDataException e)
        {
            // The frames before the damage stay output, the annotated video with them.
            console.ReportError($"{settings.Input}: {e.Message}; {frames} frames processed");
            CompleteAfterDamage(writer);
            return ExitCodes.BadInput;
        }
        catch (OutputFileException e)
        {
            // The annotated video's own failure: it is not kept.
            console.ReportError($"{e.Path}: {e.Message}; {frames} frames processed");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.ReportError($"{settings.Input}: {e.Message}; {frames} frames processed");
            return ExitCodes.BadInput;
        }
        finally
        {
            writer?.Dispose();
        }

        return Finish(frames, progress, cancellation);
    }

    /// <summary>Keeps the annotated video of the frames before damage to the input, or reports why it cannot be.</summary>
    private void CompleteAfterDamage(AnnotatedVideoWriter? writer)
    {
        try
        {
            writer?.Complete();
        }
        catch (OutputFileException e)
        {
            console.ReportError($"{e.Path}: {e.Message}");
        }
    }

    private int Decode(IFrameSource source, FrameProgress progress, CancellationToken cancellation)
    {
        using var frame = new Mat();
        int frames = 0;
        try
        {
            while (!cancellation.IsCancellationRequested && source.TryRead(frame, out _))
            {
                frames++;
                progress.Completed(frames);
            }
        }
        catch (InvalidDataException e)
        {
            console.ReportError($"{settings.Input}: {e.Message}; {frames} frames decoded");
            return ExitCodes.BadInput;
        }

        return Finish(frames, progress, cancellation);
    }

    private static int Finish(int frames, FrameProgress progress, CancellationToken cancellation)
    {
        progress.Summarize(frames);
        return cancellation.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Success;
    }
}
