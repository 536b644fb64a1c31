using System.Text.Json;

namespace BlazeFace.Cli.Output;

/// <summary>Writes one image's detections (and, with --mesh, their meshes) as the single-line JSON object the CLI documents.</summary>
internal static class DetectionJsonWriter
{
    /// <param name="destination">Standard output.</param>
    /// <param name="imagePath">The image as named on the command line.</param>
    /// <param name="width">The image's width as displayed.</param>
    /// <param name="height">Its height.</param>
    /// <param name="model">The --model argument as given.</param>
    /// <param name="faces">The detections.</param>
    /// <param name="meshes">With --mesh, each detection's mesh (same order): every face then gains "presence", and "landmarks" unless the model rejected it.</param>
    public static void Write(Stream destination, string imagePath, int width, int height, string model, IReadOnlyList<FaceDetection> faces, IReadOnlyList<FaceMesh>? meshes = null)
    {
        using var json = new Utf8JsonWriter(destination, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("image", imagePath);
        json.WriteNumber("width", width);
        json.WriteNumber("height", height);
        json.WriteString("model", model);
        json.WriteStartArray("faces");
        for (int i = 0; i < faces.Count; i++)
        {
            FaceDetection face = faces[i];
            json.WriteStartObject();
            json.WriteNumber("score", face.Score);
            WriteBox(json, face.BoundingBox);
            json.WriteNumber("roll", face.Roll);
            WriteKeypoints(json, face.Keypoints);
            if (meshes is not null)
            {
                WriteMesh(json, meshes[i]);
            }

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

    /// <summary>
    /// The face's <c>"presence"</c> (the landmark model's face-presence score) and, when the model accepted the face,
    /// <c>"landmarks": [{"x", "y", "z"}, ...]</c>: 468 entries in the model's order, in image pixels (z on the scale of x).
    /// </summary>
    internal static void WriteMesh(Utf8JsonWriter json, FaceMesh mesh)
    {
        json.WriteNumber("presence", mesh.Presence);
        if (mesh.Landmarks.IsEmpty)
        {
            return;
        }

        json.WriteStartArray("landmarks");
        foreach (System.Numerics.Vector3 point in mesh.Landmarks)
        {
            json.WriteStartObject();
            json.WriteNumber("x", point.X);
            json.WriteNumber("y", point.Y);
            json.WriteNumber("z", point.Z);
            json.WriteEndObject();
        }

        json.WriteEndArray();
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
