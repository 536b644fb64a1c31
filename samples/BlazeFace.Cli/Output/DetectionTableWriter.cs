using System.Globalization;

namespace BlazeFace.Cli.Output;

/// <summary>
/// A readable table: a header, then one row per face (or one "no faces" row per image), aligned columns; with --mesh, a
/// presence column, marked "(rejected)" where the landmark model rejected the face.
/// </summary>
internal static class DetectionTableWriter
{
    /// <summary>The column names, written once before the first image's rows.</summary>
    public static string Header(bool withPresence) =>
        $"{"image",-40} {"size",-11} {"face",4} {"score",6} {"x",8} {"y",8} {"width",8} {"height",8}{(withPresence ? $" {"presence",8}" : "")}";

    /// <summary>Writes one image's rows; <paramref name="meshes"/>, when given, holds each face's mesh in face order.</summary>
    public static void WriteRows(TextWriter output, string imagePath, int width, int height, IReadOnlyList<FaceDetection> faces, IReadOnlyList<FaceMesh>? meshes = null)
    {
        string size = $"{width}x{height}";
        if (faces.Count == 0)
        {
            output.WriteLine($"{imagePath,-40} {size,-11} {"-",4} {"no faces",6}");
            return;
        }

        for (int i = 0; i < faces.Count; i++)
        {
            FaceBox box = faces[i].BoundingBox;
            string presence = meshes is null ? "" : string.Create(CultureInfo.InvariantCulture, $" {meshes[i].Presence,8:0.000}{(meshes[i].Landmarks.IsEmpty ? " (rejected)" : "")}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{imagePath,-40} {size,-11} {i + 1,4} {faces[i].Score,6:0.000} {box.X,8:0.0} {box.Y,8:0.0} {box.Width,8:0.0} {box.Height,8:0.0}{presence}"));
        }
    }
}
