using BlazeFace.Cli.Files;
using BlazeFace.SkiaSharp;
using SkiaSharp;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// Writes --out: the image with its faces drawn by the Skia package, as PNG or JPEG by the file's extension, through
/// a temporary file renamed into place (<see cref="AtomicFile"/>).
/// </summary>
internal static class AnnotatedImageWriter
{
    private const int JpegQuality = 90;

    private static readonly SkiaDetectionStyle s_style = new() { Typeface = LabelTypeface.Instance };

    /// <summary>Whether the path ends in an extension the writer encodes (.png, .jpg, .jpeg).</summary>
    public static bool IsSupportedPath(string path) => FormatOf(path) is not null;

    /// <summary>Draws on <paramref name="image"/> (a colour copy of it if it is grey) and encodes it to <paramref name="path"/>.</summary>
    /// <exception cref="OutputFileException">The file cannot be encoded or written.</exception>
    /// <param name="image">The decoded image.</param>
    /// <param name="faces">Its detections.</param>
    /// <param name="meshes">With --mesh, the faces' meshes, drawn under the boxes and labels; null otherwise.</param>
    /// <param name="path">The destination file.</param>
    public static void Write(SKBitmap image, IReadOnlyList<FaceDetection> faces, IReadOnlyList<FaceMesh>? meshes, string path)
    {
        SKEncodedImageFormat format = FormatOf(path) ?? SKEncodedImageFormat.Png;
        SKBitmap canvasBitmap = image.ColorType == SKColorType.Gray8 ? image.Copy(SKImageInfo.PlatformColorType) : image;
        try
        {
            using (var canvas = new SKCanvas(canvasBitmap))
            {
                if (meshes is not null)
                {
                    canvas.DrawFaceMeshes(meshes, s_style);
                }

                canvas.DrawDetections(faces, s_style);
            }

            using SKData encoded = canvasBitmap.Encode(format, format == SKEncodedImageFormat.Jpeg ? JpegQuality : 100)
                ?? throw new OutputFileException(path, $"cannot be written: Skia could not encode the annotated image as {format}");
            AtomicFile.Write(path, encoded.SaveTo);
        }
        finally
        {
            if (!ReferenceEquals(canvasBitmap, image))
            {
                canvasBitmap.Dispose();
            }
        }
    }

    private static SKEncodedImageFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => SKEncodedImageFormat.Png,
        ".jpg" or ".jpeg" => SKEncodedImageFormat.Jpeg,
        _ => null,
    };
}
