// Finds faces with OpenCV doing the image work: Cv2.ImRead -> detector.Detect(mat) -> mat.DrawDetections ->
// Cv2.ImWrite. Exit code: 0 at least one face found, 1 no face, 2 bad command line or unreadable image.
using BlazeFace;
using BlazeFace.OpenCvSharp;
using OpenCvSharp;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: BlazeFace.OpenCvSharp.Sample IMAGE ANNOTATED.jpg");
    return 2;
}

// ImRead gives 8-bit BGR (CV_8UC3) and applies EXIF orientation; it returns an empty Mat for an unreadable file.
using Mat image = Cv2.ImRead(args[0]);
if (image.Empty())
{
    Console.Error.WriteLine($"error: OpenCV cannot read {args[0]}");
    return 2;
}

using var detector = new FaceDetector();
IReadOnlyList<FaceDetection> faces = detector.Detect(image);
foreach (FaceDetection face in faces)
{
    FaceBox box = face.BoundingBox;
    Console.WriteLine($"face {face.Score:F3} at x={box.X:F1} y={box.Y:F1} w={box.Width:F1} h={box.Height:F1}");
}

image.DrawDetections(faces);
Cv2.ImWrite(args[1], image);
Console.WriteLine($"{args[0]}: {image.Cols}x{image.Rows}, {faces.Count} face(s), drawn into {args[1]}");
return faces.Count > 0 ? 0 : 1;
