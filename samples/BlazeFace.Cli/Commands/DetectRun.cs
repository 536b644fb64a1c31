using System.Drawing;
using BlazeFace.Cli.Imaging;
using BlazeFace.Cli.Output;
using SkiaSharp;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// One <c>detect</c> run: loads the model, then each image in turn. An image that cannot be read is reported on
/// stderr (one line) and the rest still run; the exit code is 2 when any image or the model could not be read, and 1
/// when the --roi reaches outside an image.
/// </summary>
internal sealed class DetectRun(DetectSettings settings, CliConsole console)
{
    public int Execute()
    {
        List<string> files = InputFiles.Expand(settings.Inputs);
        if (files.Count == 0)
        {
            console.ReportError("no image files found in the given folder(s)");
            return ExitCodes.BadInput;
        }

        if (settings.Out is { } outPath && files.Count == 1 && !AnnotatedImageWriter.IsSupportedPath(outPath))
        {
            console.ReportError($"--out {outPath}: name a .png, .jpg or .jpeg file");
            return ExitCodes.Usage;
        }

        BlazeFaceModel model;
        try
        {
            model = ModelOption.Load(settings.Model);
        }
        catch (Exception e) when (ModelOption.IsUnreadable(e))
        {
            console.ReportError($"cannot load model '{settings.Model}': {e.Message}");
            return ExitCodes.BadInput;
        }

        using var detector = new FaceDetector(new FaceDetectorOptions
        {
            Model = model,
            MinScore = settings.MinScore,
            NonMaxSuppression = settings.NonMaxSuppression,
            ResizeMode = settings.Resize,
        });
        var table = new DetectionTableWriter(console.Output);
        var progress = new ProgressReporter(files.Count, console.Error);
        FaceCropWriter? crops = settings.Crops is { } cropFolder ? new FaceCropWriter(cropFolder, settings.CropSize) : null;
        int failed = 0;
        int exitCode = ExitCodes.Success;
        for (int i = 0; i < files.Count; i++)
        {
            int imageExitCode = Process(detector, files[i], files.Count, table, crops);
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
    private int Process(FaceDetector detector, string path, int fileCount, DetectionTableWriter table, FaceCropWriter? crops)
    {
        try
        {
            using SKBitmap image = ImageFileLoader.Load(path);
            if (settings.Search.RegionOfInterest is { } region && !new Rectangle(0, 0, image.Width, image.Height).Contains(region))
            {
                console.ReportError($"{path}: --roi {SearchGeometryOptions.Format(region)} reaches outside the {image.Width}x{image.Height} image");
                return ExitCodes.Usage;
            }

            IReadOnlyList<FaceDetection> faces = detector.Detect(DecodedPixels.View(image), settings.Search);

            // Crops before the drawing (which paints on the decoded image), and both files before the result line:
            // when one cannot be written the image gets its error line and no result line.
            if (crops is not null)
            {
                crops.Write(DecodedPixels.View(image), faces, path);
            }

            if (settings.Out is { } outPath)
            {
                AnnotatedImageWriter.Write(image, faces, AnnotatedPath(outPath, path, fileCount));
            }

            if (settings.Json)
            {
                console.Output.Flush();
                DetectionJsonWriter.Write(console.OutputStream, path, image.Width, image.Height, settings.Model, faces);
            }
            else
            {
                table.Write(path, image.Width, image.Height, faces);
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (ImageFileLoader.IsUnreadable(e))
        {
            console.ReportError($"{path}: {e.Message}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>With one input --out names the file; with several it names a folder that receives NAME.png for each.</summary>
    private static string AnnotatedPath(string outPath, string inputPath, int inputCount)
    {
        if (inputCount == 1)
        {
            return outPath;
        }

        Directory.CreateDirectory(outPath);
        return Path.Combine(outPath, Path.GetFileNameWithoutExtension(inputPath) + ".png");
    }
}
