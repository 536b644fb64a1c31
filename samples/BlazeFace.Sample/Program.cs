// Finds the faces in a PNG photo with the BlazeFace package and prints them.
// Exit code: 0 at least one face found, 1 no face, 2 bad command line or unreadable image.
using System.Reflection;
using BlazeFace;
using BlazeFace.Imaging;
using BlazeFace.Sample;

if (args.Length is < 1 or > 2 || (args.Length == 2 && args[1] is not ("short" or "full")))
{
    Console.Error.WriteLine("usage: BlazeFace.Sample IMAGE.png [short|full]");
    return 2;
}

PngImage png;
try
{
    png = PngImage.Load(args[0]);
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: cannot read {args[0]}: {e.Message}");
    return 2;
}

var options = new FaceDetectorOptions
{
    Model = args is [_, "full"] ? BlazeFaceModel.FullRange : BlazeFaceModel.ShortRange,
};
using var detector = new FaceDetector(options);

var image = new ImageView(png.Pixels, png.Width, png.Height, png.Format);
IReadOnlyList<FaceDetection> faces = detector.Detect(image);

string? version = typeof(FaceDetector).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
Console.WriteLine($"BlazeFace {version}, {detector.Model.Kind} model");
Console.WriteLine($"{args[0]}: {png.Width}x{png.Height} {png.Format}, {faces.Count} face(s)");
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

return faces.Count > 0 ? 0 : 1;
