using System.Drawing;
using BlazeFace.Cli.Batch;
using BlazeFace.Cli.Files;
using BlazeFace.Cli.Imaging;
using BlazeFace.Cli.Output;
using BlazeFace.SkiaSharp;
using SkiaSharp;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// Everything <c>detect</c> does with one decoded photo: checks the --roi against it, searches it, writes its crops
/// and annotated copy, and makes its result record (a JSON line or table rows) in the full image's pixels. The
/// pipeline calls it for many photos at once, so it holds nothing of any photo between calls.
/// </summary>
/// <param name="detector">The detector, shared by every call (it is thread-safe).</param>
/// <param name="landmarker">Maps each face found with the face mesh (--mesh), shared likewise; null for none.</param>
/// <param name="settings">The command line.</param>
/// <param name="outputs">Where the annotated copies go.</param>
/// <param name="crops">Writes the crops, or null for none.</param>
internal sealed class PhotoDetection(FaceDetector detector, FaceLandmarker? landmarker, DetectSettings settings, DetectOutputs outputs, FaceCropWriter? crops)
{
    /// <summary>The photo's outcome; the photo is disposed.</summary>
    public PhotoOutcome Process(DecodedPhoto photo)
    {
        using (photo)
        {
            if (photo.Bitmap is not { } image)
            {
                return PhotoOutcome.Failed(photo.Path, $"{photo.Path}: {photo.Error}", ExitCodes.BadInput);
            }

            try
            {
                return Detect(photo, image);
            }
            catch (OutputFileException e)
            {
                return PhotoOutcome.Failed(photo.Path, $"{e.Path}: {e.Message}", ExitCodes.BadInput);
            }
            catch (Exception e) when (ImageFileLoader.IsUnreadable(e))
            {
                return PhotoOutcome.Failed(photo.Path, $"{photo.Path}: {e.Message}", ExitCodes.BadInput);
            }
        }
    }

    private PhotoOutcome Detect(DecodedPhoto photo, SKBitmap image)
    {
        string path = photo.Path;
        if (settings.Search.RegionOfInterest is { } region && !new Rectangle(0, 0, image.Width, image.Height).Contains(region))
        {
            return PhotoOutcome.Failed(path, $"{path}: --roi {SearchGeometryOptions.Format(region)} reaches outside the {image.Width}x{image.Height} image", ExitCodes.Usage);
        }

        // A reduced decode's faces are scaled to the full image; --out, --crops, --tiles, --roi and --mesh always decode whole.
        IReadOnlyList<FaceDetection> faces = photo.IsReduced
            ? detector.Detect(image, photo.ImageSize, settings.Search)
            : detector.Detect(image.AsImageView(), settings.Search);
        FaceMesh[]? meshes = landmarker is null ? null : DetectionMeshes.Map(landmarker, image.AsImageView(), faces);

        // Crops before the drawing (which paints on the decoded image), and both files before the result record:
        // when one cannot be written the image gets its error line and no result.
        crops?.Write(image.AsImageView(), faces, path);
        if (outputs.AnnotatedPath(path) is { } annotated)
        {
            if (outputs.AnnotatedFolder is { } folder)
            {
                AtomicFile.CreateFolder(folder);
            }

            AnnotatedImageWriter.Write(image, faces, meshes, annotated);
        }

        return new PhotoOutcome(path, Record(path, photo.ImageSize, faces, meshes), faces.Count, null, ExitCodes.Success);
    }

    /// <summary>The photo's result as the output holds it: one JSON line, or its table rows.</summary>
    private byte[] Record(string path, SKSizeI size, IReadOnlyList<FaceDetection> faces, FaceMesh[]? meshes)
    {
        if (settings.WritesJson)
        {
            using var line = new MemoryStream();
            DetectionJsonWriter.Write(line, path, size.Width, size.Height, settings.Model, faces, meshes);
            return line.ToArray();
        }

        using var rows = new StringWriter();
        DetectionTableWriter.WriteRows(rows, path, size.Width, size.Height, faces, meshes);
        return System.Text.Encoding.UTF8.GetBytes(rows.ToString());
    }
}
