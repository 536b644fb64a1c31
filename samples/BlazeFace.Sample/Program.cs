// Finds the faces in a photo with the BlazeFace and BlazeFace.SkiaSharp packages, prints them, and optionally
// writes the photo with the faces drawn. Exit code: 0 at least one face found, 1 no face, 2 bad command line or
// unreadable image.
using System.Reflection;
using BlazeFace;
using BlazeFace.SkiaSharp;
using SkiaSharp;

if (args.Length is < 1 or > 3 || (args.Length >= 2 && args[1] is not ("short" or "full" or "back")))
{
    Console.Error.WriteLine("usage: BlazeFace.Sample IMAGE [short|full|back] [ANNOTATED.png]");
    return 2;
}

SKBitmap photo;
try
{
    // Any format SkiaSharp reads (JPEG, PNG, WebP, GIF, BMP), turned upright by its EXIF orientation.
    photo = UprightImage.Load(args[0]);
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: cannot read {args[0]}: {e.Message}");
    return 2;
}

using (photo)
{
    var options = new FaceDetectorOptions
    {
        Model = args.Length >= 2 ? args[1] switch
        {
            "full" => BlazeFaceModel.FullRange,
            "back" => BlazeFaceModel.BackCamera,
            _ => BlazeFaceModel.ShortRange,
        } : BlazeFaceModel.ShortRange,
    };
    using var detector = new FaceDetector(options);
    IReadOnlyList<FaceDetection> faces = detector.Detect(photo);

    string? version = typeof(FaceDetector).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
    Console.WriteLine($"BlazeFace {version}, {detector.Model.Name} model");
    Console.WriteLine($"{args[0]}: {photo.Width}x{photo.Height} {photo.ColorType}, {faces.Count} face(s)");
    for (int i = 0; i < faces.Count; i++)
    {
        FaceDetection face = faces[i];
        FaceBox box = face.BoundingBox;
        Console.WriteLine($"  face {i + 1}: score {face.Score:F3}, box x={box.X:F1} y={box.Y:F1} w={box.Width:F1} h={box.Height:F1}");
        foreach (FaceKeypoint point in face.Keypoints)
        {
            Console.WriteLine($"    {point.Name,-18} ({point.X:F1}, {point.Y:F1})");
        }
    }

    if (args.Length == 3)
    {
        // Grey photos decode as Gray8; draw in colour on a copy.
        using SKBitmap canvasBitmap = photo.ColorType == SKColorType.Gray8 ? photo.Copy(SKImageInfo.PlatformColorType) : photo.Copy();
        using (var canvas = new SKCanvas(canvasBitmap))
        {
            canvas.DrawDetections(faces);
        }

        using SKData png = canvasBitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(args[2], png.ToArray());
        Console.WriteLine($"wrote {args[2]}");
    }

    return faces.Count > 0 ? 0 : 1;
}
