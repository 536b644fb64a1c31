using System.Drawing;
using BlazeFace.Cli.Files;
using BlazeFace.Cli.Imaging;
using BlazeFace.Cli.Output;
using BlazeFace.SkiaSharp;
using SkiaSharp;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// One <c>detect</c> run: decides and checks every output first (<see cref="DetectOutputs"/>), loads the model, then
/// each image in turn. An image (or folder) that cannot be read is reported on stderr (one line) and the rest still
/// run; the exit code is 2 when any image or the model could not be read, and 1 when the outputs are refused or the
/// --roi reaches outside an image.
/// </summary>
internal sealed class DetectRun(DetectSettings settings, CliConsole console)
{
    public int Execute()
    {
        int exitCode = ExitCodes.Success;
        List<string> files = InputFiles.Expand(settings.Inputs, (folder, e) =>
        {
            console.ReportError($"{folder}: cannot list the folder: {e.Message}");
            exitCode = ExitCodes.BadInput;
        });
        if (files.Count == 0)
        {
            if (exitCode == ExitCodes.Success)
            {
                console.ReportError($"{string.Join(", ", settings.Inputs)}: no image files ({string.Join(' ', InputFiles.ImageExtensions.Order(StringComparer.Ordinal))}) found");
            }

            return ExitCodes.BadInput;
        }

        DetectOutputs? outputs = DetectOutputs.Plan(settings, files, out string? refusal);
        if (outputs is null)
        {
            console.ReportError(refusal!);
            return ExitCodes.Usage;
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
        var table = new DetectionTableWriter(console.Output, withPresence: settings.Mesh);
        var progress = new ProgressReporter(files.Count, console.Error);
        FaceCropWriter? crops = outputs.CropFolder is { } cropFolder ? new FaceCropWriter(cropFolder, settings.CropSize) : null;
        int failed = 0;
        for (int i = 0; i < files.Count; i++)
        {
            int imageExitCode = Process(detector, landmarker, files[i], outputs, table, crops);
            if (imageExitCode != ExitCodes.Success)
            {
                failed++;

                // A command-line mistake (a --roi outside an image) outranks an unreadable file.
                exitCode = exitCode == ExitCodes.Usage ? exitCode : imageExitCode;
            }

            progress.Completed(i + 1, failed);
        }

        console.Output.Flush();
        return exitCode;
    }

    /// <summary>
    /// Detects on one file and prints the result, or reports the one-line error: the exit code of this image alone,
    /// <see cref="ExitCodes.Usage"/> when the --roi does not fit it.
    /// </summary>
    private int Process(FaceDetector detector, FaceLandmarker? landmarker, string path, DetectOutputs outputs, DetectionTableWriter table, FaceCropWriter? crops)
    {
        try
        {
            using SKBitmap image = ImageFileLoader.Load(path, settings.AllowPartialImages);
            if (settings.Search.RegionOfInterest is { } region && !new Rectangle(0, 0, image.Width, image.Height).Contains(region))
            {
                console.ReportError($"{path}: --roi {SearchGeometryOptions.Format(region)} reaches outside the {image.Width}x{image.Height} image");
                return ExitCodes.Usage;
            }

            IReadOnlyList<FaceDetection> faces = detector.Detect(image.AsImageView(), settings.Search);
            FaceMesh[]? meshes = landmarker is null ? null : DetectionMeshes.Map(landmarker, image.AsImageView(), faces);

            // Crops before the drawing (which paints on the decoded image), and both files before the result line:
            // when one cannot be written the image gets its error line and no result line.
            crops?.Write(image.AsImageView(), faces, path);
            if (outputs.AnnotatedPath(path) is { } annotated)
            {
                if (outputs.AnnotatedFolder is { } folder)
                {
                    AtomicFile.CreateFolder(folder);
                }

                AnnotatedImageWriter.Write(image, faces, meshes, annotated);
            }

            if (settings.Json)
            {
                console.Output.Flush();
                DetectionJsonWriter.Write(console.OutputStream, path, image.Width, image.Height, settings.Model, faces, meshes);
            }
            else
            {
                table.Write(path, image.Width, image.Height, faces, meshes);
            }

            return ExitCodes.Success;
        }
        catch (OutputFileException e)
        {
            console.ReportError($"{e.Path}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (ImageFileLoader.IsUnreadable(e))
        {
            console.ReportError($"{path}: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
