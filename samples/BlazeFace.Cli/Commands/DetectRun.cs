using System.Globalization;
using BlazeFace.Cli.Batch;
using BlazeFace.Cli.Files;
using BlazeFace.Cli.Imaging;
using BlazeFace.Cli.Output;
using SkiaSharp;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// One <c>detect</c> run: lists the files (folders expanded, --recursive, --ext, --shard), decides and checks every
/// output first (<see cref="DetectOutputs"/>, the --resume file), loads the model, then runs the photos through the
/// <see cref="OrderedPipeline{TRead, TResult}"/>: --jobs threads read and decode, --jobs threads search and write
/// each photo's files (<see cref="PhotoDetection"/>, with its face meshes on --mesh), and this thread writes the results in input order.
/// </summary>
/// <remarks>
/// An image (or folder) that cannot be read is reported on stderr (one line, in input order) and the rest still run;
/// the exit code is 2 when any image or the model could not be read or an output written, 1 when the outputs are
/// refused or the --roi reaches outside an image, and 130 when Ctrl+C or SIGTERM stopped the run (every photo
/// started is finished and written first).
/// </remarks>
internal sealed class DetectRun(DetectSettings settings, CliConsole console)
{
    public int Execute(CancellationToken stop)
    {
        int exitCode = ExitCodes.Success;
        List<InputFile> found = InputFiles.Expand(settings.Inputs, settings.Recursive, settings.Extensions, (folder, e) =>
        {
            console.ReportError($"{folder}: cannot list the folder: {e.Message}");
            exitCode = ExitCodes.BadInput;
        });
        if (found.Count == 0)
        {
            if (exitCode == ExitCodes.Success)
            {
                console.ReportError($"{string.Join(", ", settings.Inputs)}: no image files ({string.Join(' ', settings.Extensions.Order(StringComparer.Ordinal))}) found");
            }

            return ExitCodes.BadInput;
        }

        List<InputFile> files = settings.Shard is { } shard ? found.FindAll(file => shard.Contains(file.RelativePath)) : found;
        List<string> paths = files.ConvertAll(file => file.Path);
        DetectOutputs? outputs = DetectOutputs.Plan(settings, paths, out string? refusal);
        refusal ??= settings.ResumeFile is { } resume && new InputFileSet(paths).InputAt(resume) is { } input
            ? $"{resume}: --resume would append to the input {input} (it is the same file); name another"
            : null;
        if (outputs is null || refusal is not null)
        {
            console.ReportError(refusal!);
            return ExitCodes.Usage;
        }

        ResultsFile? results = null;
        try
        {
            if (settings.ResumeFile is { } resumeFile)
            {
                results = OpenResults(resumeFile);
                paths.RemoveAll(results.Images.Contains);
            }

            return Detect(paths, outputs, results, exitCode, stop);
        }
        catch (Exception e) when (e is OutputFileException or InvalidDataException)
        {
            console.ReportError(e is OutputFileException output ? $"{output.Path}: {output.Message}" : $"{settings.ResumeFile}: {e.Message}");
            return ExitCodes.BadInput;
        }
        finally
        {
            results?.Dispose();
        }
    }

    private ResultsFile OpenResults(string path)
    {
        ResultsFile results = ResultsFile.Open(path);
        if (results.DroppedBytes > 0)
        {
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"note: {path}: cut off an incomplete last line ({results.DroppedBytes} bytes) left by an interrupted run; its image is searched again"));
        }

        return results;
    }

    private int Detect(List<string> paths, DetectOutputs outputs, ResultsFile? results, int exitCode, CancellationToken stop)
    {
        if (paths.Count == 0)
        {
            // A shard with no files of a small library, or a finished --resume: nothing to do is not an error.
            return exitCode;
        }

        BlazeFaceModel model;
        try
        {
            model = ModelOption.Load(settings.Model);
        }
        catch (Exception e) when (ModelOption.IsUnreadable(e))
        {
            console.ReportError(ModelOption.Describe(settings.Model, e));
            return ExitCodes.BadInput;
        }

        var detectorOptions = new FaceDetectorOptions
        {
            Model = model,
            MinScore = settings.MinScore,
            NonMaxSuppression = settings.NonMaxSuppression,
            ResizeMode = settings.Resize,
        };
        using var detector = new FaceDetector(detectorOptions);
        using FaceLandmarker? landmarker = settings.Mesh ? new FaceLandmarker(new FaceLandmarkerOptions { Detector = detectorOptions }) : null;
        FaceCropWriter? crops = outputs.CropFolder is { } cropFolder ? new FaceCropWriter(cropFolder, settings.CropSize) : null;
        var photo = new PhotoDetection(detector, landmarker, settings, outputs, crops);
        int? minimumSide = settings.NeedsFullResolution ? null : detector.Model.InputSize;
        var progress = new BatchProgress(paths.Count, console.Error, console.ErrorIsTerminal, TimeProvider.System);

        using var halt = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var writer = new DetectResultWriter(console, settings.WritesJson, DetectionTableWriter.Header(settings.Mesh), results, progress, halt, exitCode);
        var pipeline = new OrderedPipeline<DecodedPhoto, PhotoOutcome>(
            settings.Jobs,
            read: index => Read(index, paths[index], minimumSide),
            process: photo.Process,
            write: (_, outcome) => writer.Write(outcome),
            discard: decoded => decoded.Dispose());

        console.Output.Flush();
        int written = pipeline.Run(paths.Count, halt.Token);
        console.Output.Flush();
        console.OutputStream.Flush();
        bool stopped = written < paths.Count;
        progress.Finish(stopped);
        return stopped && !writer.ResultsFailed ? ExitCodes.Interrupted : writer.ExitCode;
    }

    /// <summary>Reads and decodes one file (reduced to <paramref name="minimumSide"/> when given), or says why it cannot be.</summary>
    private DecodedPhoto Read(int index, string path, int? minimumSide)
    {
        try
        {
            SKBitmap bitmap = ImageFileLoader.Load(path, settings.AllowPartialImages, minimumSide, out SKSizeI size);
            return DecodedPhoto.Decoded(index, path, bitmap, size);
        }
        catch (Exception e) when (ImageFileLoader.IsUnreadable(e))
        {
            return DecodedPhoto.Unreadable(index, path, e.Message);
        }
    }
}
