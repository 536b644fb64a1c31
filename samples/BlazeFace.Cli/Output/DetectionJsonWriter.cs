using System.Text.Json;

namespace BlazeFace.Cli.Output;

/// <summary>Writes one image's detections as the single-line JSON object the CLI documents.</summary>
internal static class DetectionJsonWriter
{
    public static void Write(Stream destination, string imagePath, int width, int height, string model, IReadOnlyList<FaceDetection> faces)
    {
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("image", imagePath);
        json.WriteNumber("width", width);
        json.WriteNumber("height", height);
        json.WriteString("model", model);
        json.WriteStartArray("faces");
        foreach (FaceDetection face in faces)
        {
            json.WriteStartObject();
            json.WriteNumber("score", face.Score);
            WriteBox(json, face.BoundingBox);
            json.WriteNumber("roll", face.Roll);
            WriteKeypoints(json, face.Keypoints);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        destination.WriteByte((byte)'\n');
    }

    /// <summary>The face's <c>"box": {"x", "y", "width", "height"}</c> property, as every command writes it.</summary>
    internal static void WriteBox(Utf8JsonWriter json, FaceBox box)
    {
        json.WriteStartObject("box");
        json.WriteNumber("x", box.X);
        json.WriteNumber("y", box.Y);
        json.WriteNumber("width", box.Width);
        json.WriteNumber("height", box.Height);
        json.WriteEndObject();
    }

    /// <summary>The face's <c>"keypoints": [{"name", "x", "y"}, ...]</c> property, six entries in MediaPipe's order.</summary>
    internal static void WriteKeypoints(Utf8JsonWriter json, FaceKeypoints keypoints)
    {
        json.WriteStartArray("keypoints");
        foreach (FaceKeypoint point in keypoints)
        {
            json.WriteStartObject();
            json.WriteString("name", point.Name);
            json.WriteNumber("x", point.X);
            json.WriteNumber("y", point.Y);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
