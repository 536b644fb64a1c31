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
            json.WriteStartObject("box");
            json.WriteNumber("x", face.BoundingBox.X);
            json.WriteNumber("y", face.BoundingBox.Y);
            json.WriteNumber("width", face.BoundingBox.Width);
            json.WriteNumber("height", face.BoundingBox.Height);
            json.WriteEndObject();
            json.WriteNumber("roll", face.Roll);
            json.WriteStartArray("keypoints");
            foreach (FaceKeypoint point in face.Keypoints)
            {
                json.WriteStartObject();
                json.WriteString("name", point.Name);
                json.WriteNumber("x", point.X);
                json.WriteNumber("y", point.Y);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        destination.WriteByte((byte)'\n');
    }
}
