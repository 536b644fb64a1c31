using System.Runtime.InteropServices;
using BlazeFace.Alignment;
using BlazeFace.Cli.Commands;
using BlazeFace.Cli.Files;
using BlazeFace.Imaging;
using SkiaSharp;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// Writes --crops: each face turned upright and scaled by <see cref="FaceAligner"/> into a square crop, encoded as PNG
/// by SkiaSharp as <c>NAME_faceK.png</c> (<see cref="DetectOutputs.CropName"/>), K counting from 1 in result order,
/// each through a temporary file renamed into place (<see cref="AtomicFile"/>). The crop keeps the image's pixel
/// format (RGBA, BGRA or grey); where it reaches past the image's edge it is transparent (grey: black).
/// </summary>
internal sealed class FaceCropWriter(string folder, int size)
{
    private readonly FaceAligner _aligner = new() { Width = size, Height = size };

    /// <summary>Writes one PNG per face into the folder, creating the folder when it is missing.</summary>
    /// <exception cref="OutputFileException">The folder or a file cannot be written.</exception>
    /// <exception cref="InvalidDataException">A face's eye keypoints coincide, so it has no orientation or scale to crop by.</exception>
    public void Write(ImageView image, IReadOnlyList<FaceDetection> faces, string imagePath)
    {
        if (faces.Count == 0)
        {
            return;
        }

        AtomicFile.CreateFolder(folder);
        for (int k = 0; k < faces.Count; k++)
        {
            ImageBuffer crop;
            try
            {
                crop = _aligner.Align(image, faces[k]);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"face {k + 1} cannot be cropped: {e.Message}", e);
            }

            WritePng(crop, Path.Combine(folder, DetectOutputs.CropName(imagePath, k + 1)));
        }
    }

    private static void WritePng(ImageBuffer crop, string path)
    {
        SKImageInfo info = crop.Format switch
        {
            ImagePixelFormat.Rgba32 => new SKImageInfo(crop.Width, crop.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul),
            ImagePixelFormat.Bgra32 => new SKImageInfo(crop.Width, crop.Height, SKColorType.Bgra8888, SKAlphaType.Unpremul),
            ImagePixelFormat.Gray8 => new SKImageInfo(crop.Width, crop.Height, SKColorType.Gray8, SKAlphaType.Opaque),
            _ => throw new InvalidOperationException($"Crops of {crop.Format} images are not written."),
        };

        // Align allocates the crop as an array; Skia reads it in place while it is pinned.
        if (!MemoryMarshal.TryGetArray(crop.Pixels, out ArraySegment<byte> pixels) || pixels.Offset != 0)
        {
            throw new InvalidOperationException("The aligned crop is not a whole array.");
        }

        GCHandle pin = GCHandle.Alloc(pixels.Array, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, pin.AddrOfPinnedObject(), crop.Stride);
            AtomicFile.Write(path, file =>
            {
                if (!pixmap.Encode(file, SKEncodedImageFormat.Png, 100))
                {
                    throw new OutputFileException(path, "cannot be written: Skia could not encode the crop as PNG");
                }
            });
        }
        finally
        {
            pin.Free();
        }
    }
}
