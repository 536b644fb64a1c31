using BlazeFace.Cli.Imaging;
using BlazeFace.Cli.Output;
using BlazeFace.Imaging;
using BlazeFace.Preprocessing;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// <c>detect IMAGE... [--model short|full|FILE.tflite] [--min-score S] [--nms weighted|hard]
/// [--resize letterbox|stretch] [--json] [--out OUT.png|FOLDER]</c>.
/// </summary>
internal static class DetectCommand
{
    private static readonly HashSet<string> ValueOptions = ["--model", "--min-score", "--nms", "--resize", "--out"];
    private static readonly HashSet<string> FlagOptions = ["--json"];

    public static int Run(IEnumerable<string> args, TextWriter output, Stream standardOutput, TextWriter error)
    {
        var reader = new ArgumentReader(args, ValueOptions, FlagOptions);
        if (reader.Positional.Count == 0)
        {
            throw new CommandLineException("detect needs at least one image file or folder.");
        }

        string modelArgument = reader.Value("--model") ?? "short";
        var nms = reader.Choice("--nms", NonMaxSuppressionKind.Weighted, ("weighted", NonMaxSuppressionKind.Weighted), ("hard", NonMaxSuppressionKind.Hard));
        var resize = reader.Choice("--resize", ResizeMode.Letterbox, ("letterbox", ResizeMode.Letterbox), ("stretch", ResizeMode.Stretch));
        float? minScore = reader.Float("--min-score");
        bool json = reader.Has("--json");
        string? outPath = reader.Value("--out");
        List<string> files = InputFiles.Expand(reader.Positional);
        if (files.Count == 0)
        {
            error.WriteLine("error: no image files found in the given folder(s)");
            return ExitCodes.BadInput;
        }

        BlazeFaceModel model;
        try
        {
            model = ModelArgument.Load(modelArgument);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"error: cannot load model '{modelArgument}': {e.Message}");
            return ExitCodes.BadInput;
        }

        using var detector = new FaceDetector(new FaceDetectorOptions { Model = model, NonMaxSuppression = nms, ResizeMode = resize, MinScore = minScore });
        var table = new DetectionTableWriter(output);
        var progress = new ProgressReporter(files.Count, error);
        int failed = 0;
        for (int i = 0; i < files.Count; i++)
        {
            string path = files[i];
            try
            {
                RgbImage image = ImageDecoder.DecodeFile(path);
                IReadOnlyList<FaceDetection> faces = detector.Detect(image.AsView());
                if (json)
                {
                    output.Flush();
                    DetectionJsonWriter.Write(standardOutput, path, image.Width, image.Height, modelArgument, faces);
                }
                else
                {
                    table.Write(path, image.Width, image.Height, faces);
                }

                if (outPath is not null)
                {
                    DetectionPainter.Draw(image.Pixels, image.Width, image.Height, ImagePixelFormat.Rgb24, image.Width * 3, [.. faces]);
                    PngEncoder.EncodeToFile(image, AnnotatedPath(outPath, path, files.Count));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                failed++;
                error.WriteLine($"error: {path}: {e.Message}");
            }

            progress.Completed(i + 1, failed);
        }

        output.Flush();
        return failed == 0 ? ExitCodes.Success : ExitCodes.BadInput;
    }

    /// <summary>With one input --out names the PNG; with several it names a folder that receives NAME.png for each.</summary>
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
