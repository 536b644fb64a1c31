using BlazeFace.Cli.Files;
using BlazeFace.Cli.Output;
using BlazeFace.Cli.Video;
using BlazeFace.OpenCvSharp;
using OpenCvSharp;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// One <c>video</c> run: each frame of the input through <see cref="FaceTracker"/> (detecting on every
/// <see cref="VideoSettings.Every"/>-th frame, predicting between) or, with --mesh, through <see cref="FaceLandmarker"/>;
/// one output line per frame, the annotated video.
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

        var detectorOptions = new FaceDetectorOptions { Model = model, MinScore = settings.MinScore };
        using var detector = model is null || settings.Mesh ? null : new FaceDetector(detectorOptions);
        using var landmarker = model is null || !settings.Mesh ? null : new FaceLandmarker(new FaceLandmarkerOptions { Detector = detectorOptions, MaxFaces = settings.MaxFaces });
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
            return landmarker is not null ? TrackMeshes(source, landmarker, progress, cancellation)
                : detector is not null ? Track(source, detector, progress, cancellation)
                : Decode(source, progress, cancellation);
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
        var faces = new TrackedFace[tracker.Options.MaxTracks];
        var detections = new FaceDetection[tracker.Options.MaxTracks];
        Size? firstSize = null;
        return ProcessFrames(source, progress, faces.Length, (frame, index, time, outputs) =>
        {
            firstSize ??= frame.Size();
            var scale = new FrameScale(frame.Size(), firstSize.Value);
            int count;
            if (index % settings.Every == 0)
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
            outputs.Video?.Write(frame, tracked);
            outputs.Json?.Write(index, time, tracked);
            outputs.Text?.Write(index, time, tracked);
        }, cancellation);
    }

    /// <summary>
    /// --mesh: each frame through <see cref="FaceLandmarker.Track(Imaging.ImageView, TimeSpan, Span{FaceMesh}, out int, ImageProcessingOptions)"/>,
    /// which follows faces by their landmarks (in each frame's own pixels, whatever its size) and runs the detector
    /// only to find new or lost ones.
    /// </summary>
    private int TrackMeshes(IFrameSource source, FaceLandmarker landmarker, FrameProgress progress, CancellationToken cancellation)
    {
        var meshes = new FaceMesh[landmarker.MaxFaces];
        return ProcessFrames(source, progress, meshes.Length, (frame, index, time, outputs) =>
        {
            ReadOnlySpan<FaceMesh> followed = meshes.AsSpan(0, landmarker.Track(frame.AsImageView(), time, meshes, out _));
            outputs.Video?.Write(frame, followed);
            outputs.Json?.Write(index, time, followed);
            outputs.Text?.Write(index, time, followed);
        }, cancellation);
    }

    /// <summary>
    /// Reads every frame, timestamps it, hands it to <paramref name="process"/> with the outputs, and reports progress;
    /// the annotated video is finalised on every way out but a failure to write it, and damage to the input stops the
    /// run after the frames before it.
    /// </summary>
    private int ProcessFrames(IFrameSource source, FrameProgress progress, int maxFaces, FrameStep process, CancellationToken cancellation)
    {
        var clock = new FrameClock(source.FramesPerSecond ?? settings.FramesPerSecond);
        console.Output.Flush();
        using TrackedFrameJsonWriter? json = settings.Json ? new TrackedFrameJsonWriter(console.OutputStream) : null;
        TrackedFrameTextWriter? text = settings.Json ? null : new TrackedFrameTextWriter(console.Output);
        using var frame = new Mat();
        int frames = 0;
        AnnotatedVideoWriter? writer = null;
        try
        {
            writer = settings.Out is { } outPath ? new AnnotatedVideoWriter(outPath, clock.FramesPerSecond, maxFaces) : null;
            var outputs = new FrameOutputs(writer, json, text);
            while (!cancellation.IsCancellationRequested && source.TryRead(frame, out TimeSpan? reported))
            {
                process(frame, frames, clock.Next(reported), outputs);
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

    /// <summary>One frame's work: the frame, its 0-based index, its timestamp, and where its results go.</summary>
    private delegate void FrameStep(Mat frame, int index, TimeSpan time, FrameOutputs outputs);

    /// <summary>The run's outputs, each null when not asked for.</summary>
    private sealed record FrameOutputs(AnnotatedVideoWriter? Video, TrackedFrameJsonWriter? Json, TrackedFrameTextWriter? Text);
}
