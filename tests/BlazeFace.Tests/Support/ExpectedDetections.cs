using System.Text.Json;

namespace BlazeFace.Tests.Support;

/// <summary>
/// Detections computed independently (numpy, float64) from the TFLite goldens by TestData/goldens/make_goldens.py,
/// with MediaPipe's decoding, suppression and letterbox removal.
/// </summary>
internal sealed record ExpectedDetections(string Image, int Width, int Height, string Model, string Resize, float MinScore, ExpectedFace[] Faces)
{
    public static ExpectedDetections Load(string path)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = json.RootElement;
        ExpectedFace[] faces = [.. root.GetProperty("faces").EnumerateArray().Select(face =>
        {
            JsonElement box = face.GetProperty("box");
            float[] keypoints = [.. face.GetProperty("keypoints").EnumerateArray().SelectMany(p => p.EnumerateArray().Select(v => v.GetSingle()))];
            return new ExpectedFace(
                face.GetProperty("score").GetSingle(),
                new FaceBox(box.GetProperty("x").GetSingle(), box.GetProperty("y").GetSingle(), box.GetProperty("width").GetSingle(), box.GetProperty("height").GetSingle()),
                keypoints);
        })];
        return new ExpectedDetections(
            root.GetProperty("image").GetString()!,
            root.GetProperty("width").GetInt32(),
            root.GetProperty("height").GetInt32(),
            root.GetProperty("model").GetString()!,
            root.GetProperty("resize").GetString()!,
            root.GetProperty("min_score").GetSingle(),
            faces);
    }
}

/// <summary>One expected face: score, box and the six keypoints interleaved x, y.</summary>
internal sealed record ExpectedFace(float Score, FaceBox Box, float[] Keypoints);
