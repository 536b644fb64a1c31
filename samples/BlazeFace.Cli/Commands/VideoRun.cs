using BlazeFace.Cli.Output;
using BlazeFace.Cli.Video;
using BlazeFace.OpenCvSharp;
using OpenCvSharp;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// One <c>video</c> run: each frame of the input through <see cref="FaceTracker"/> (detecting on every
/// <see cref="VideoSettings.Every"/>-th frame, predicting between), one output line per frame, the annotated video.
/// A truncated or damaged input stops the run with one error line (exit code 2) after everything before the damage
/// has been output; the annotated video is finalised on every way out, Ctrl+C included.
/// </summary>
internal sealed class VideoRun(VideoSettings settings, CliConsole console)
{
    public int Execute(CancellationToken cancellation)
    {
        if (settings.Out is { } outPath && SamePath(outPath, settings.Input))
        {
            console.ReportError($"--out {outPath} is the input; name another file");
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
                console.ReportError($"cannot load model '{settings.Model}': {e.Message}");
                return ExitCodes.BadInput;
            }
        }

        using var detector = model is null ? null : new FaceDetector(new FaceDetectorOptions { Model = model, MinScore = settings.MinScore });
        var progress = new FrameProgress(console.Error);
        IFrameSource source;
        try
        {
            source = Directory.Exists(settings.Input) ? FrameFolderSource.Open(settings.Input) : VideoFileSource.Open(settings.Input);
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

    private int Track(IFrameSource source, FaceDetector detector, FrameProgress progress, CancellationToken cancellation)
    {
        var tracker = new FaceTracker(detector);
        var clock = new FrameClock(source.FramesPerSecond ?? settings.FramesPerSecond);
        var faces = new TrackedFace[tracker.Options.MaxTracks];
        console.Output.Flush();
        using TrackedFrameJsonWriter? json = settings.Json ? new TrackedFrameJsonWriter(console.OutputStream) : null;
        TrackedFrameTextWriter? text = settings.Json ? null : new TrackedFrameTextWriter(console.Output);
        using AnnotatedVideoWriter? writer = settings.Out is { } outPath ? new AnnotatedVideoWriter(outPath, clock.FramesPerSecond, faces.Length) : null;
        using var frame = new Mat();
        int frames = 0;
        try
        {
            while (!cancellation.IsCancellationRequested && source.TryRead(frame, out TimeSpan? reported))
            {
                TimeSpan time = clock.Next(reported);
                int count = frames % settings.Every == 0
                    ? tracker.Track(frame.AsImageView(), time, faces)
                    : tracker.Predict(time, faces);
                ReadOnlySpan<TrackedFace> tracked = faces.AsSpan(0, count);
                // The annotated frame first: when it cannot be written, the frame gets the error line and no output line.
                writer?.Write(frame, tracked);
                json?.Write(frames, time, tracked);
                text?.Write(frames, time, tracked);
                frames++;
                progress.Completed(frames);
            }
        }
        catch (InvalidDataException e)
        {
            console.ReportError($"{settings.Input}: {e.Message}; {frames} frames processed");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The input's problems come as InvalidDataException: this is the annotated video's.
            console.ReportError($"{e.Message}; {frames} frames processed");
            return ExitCodes.BadInput;
        }

        return Finish(frames, progress, cancellation);
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

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}
