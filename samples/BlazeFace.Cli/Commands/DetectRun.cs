using BlazeFace.Cli.Imaging;
using BlazeFace.Cli.Output;
using BlazeFace.SkiaSharp;
using SkiaSharp;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// One <c>detect</c> run: loads the model, then each image in turn. An image that cannot be read is reported on
/// stderr (one line) and the rest still run; the exit code is 2 when any image or the model could not be read.
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
        int failed = 0;
        for (int i = 0; i < files.Count; i++)
        {
            if (!Process(detector, files[i], files.Count, table))
            {
                failed++;
            }

            progress.Completed(i + 1, failed);
        }

        console.Output.Flush();
        return failed == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    /// <summary>Detects on one file and prints the result, or reports the one-line error; false on error.</summary>
    private bool Process(FaceDetector detector, string path, int fileCount, DetectionTableWriter table)
    {
        try
        {
            using SKBitmap image = ImageFileLoader.Load(path);
            IReadOnlyList<FaceDetection> faces = detector.Detect(image);

            // The annotated file first: when it cannot be written the image gets its error line and no result line.
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

            return true;
        }
        catch (Exception e) when (ImageFileLoader.IsUnreadable(e))
        {
            console.ReportError($"{path}: {e.Message}");
            return false;
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
