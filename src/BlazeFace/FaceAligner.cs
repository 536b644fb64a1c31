using BlazeFace.Alignment;
using BlazeFace.Imaging;
using BlazeFace.Preprocessing;

namespace BlazeFace;

/// <summary>
/// Turns a detection into an upright crop of the face, the input a recognition or landmark model expects: the image
/// is turned by the face's roll so that the eyes lie level, scaled so that the eye distance is a fixed fraction of the
/// crop, and centred between the eyes and the mouth; one bilinear pass, in the source's own pixel format.
/// </summary>
/// <remarks>
/// <para>
/// Geometry, with d the distance between the eye keypoints: the face's square is 2d wide (about the detector's box),
/// centred on the point halfway between the eyes' midpoint and the mouth; <see cref="Margin"/> adds that fraction of
/// the square on every side; the result fills the shorter side of the crop. With the defaults (128 x 128, margin
/// 0.25) the eyes sit 43 pixels apart, level, a sixth of the width either side of the centre.
/// </para>
/// <para>
/// The eye distance shrinks when a face turns sideways (yaw), so such crops are tighter. Parts of the crop outside the
/// image are zero (black, and transparent for formats with alpha). Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class FaceAligner
{
    private const int MaxSide = 16384;

    private readonly int _width = 128;
    private readonly int _height = 128;
    private readonly float _margin = 0.25f;

    /// <summary>Crop width in pixels, 1 to 16384. Default: 128.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 16384.</exception>
    public int Width
    {
        get => _width;
        init => _width = value is >= 1 and <= MaxSide ? value : throw new ArgumentOutOfRangeException(nameof(Width), value, $"The crop width must lie in 1 to {MaxSide}.");
    }

    /// <summary>Crop height in pixels, 1 to 16384. Default: 128.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 16384.</exception>
    public int Height
    {
        get => _height;
        init => _height = value is >= 1 and <= MaxSide ? value : throw new ArgumentOutOfRangeException(nameof(Height), value, $"The crop height must lie in 1 to {MaxSide}.");
    }

    /// <summary>
    /// Room around the face on every side, as a fraction of the face's square (twice the eye distance), in [0, 4].
    /// Default: 0.25, so the face's square fills two thirds of the crop.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 4] or NaN.</exception>
    public float Margin
    {
        get => _margin;
        init => _margin = value is >= 0f and <= 4f ? value : throw new ArgumentOutOfRangeException(nameof(Margin), value, "The margin must lie in [0, 4].");
    }

    /// <summary>
    /// The region of the image the crop of a face shows, without sampling anything: a box turned by the face's
    /// <see cref="FaceDetection.Roll"/> (the crop's x axis runs along the eye line, from the face's right eye to its
    /// left). Crop pixel (x, y) shows image point <c>region.ToImage(x / Width, y / Height)</c>; map what a later model
    /// finds in the crop back with it.
    /// </summary>
    /// <param name="face">A detection in image pixels.</param>
    /// <exception cref="ArgumentException">The face's eye, nose or mouth keypoints are not finite, or its eyes coincide (no orientation or scale follows).</exception>
    public RotatedBox GetRegion(FaceDetection face)
    {
        FaceKeypoints points = face.Keypoints;
        FaceKeypoint right = points.RightEye, left = points.LeftEye, mouth = points.MouthCenter;
        double eyeDistance = Math.Sqrt(Square(left.X - right.X) + Square(left.Y - right.Y));
        if (!double.IsFinite(eyeDistance) || !float.IsFinite(mouth.X) || !float.IsFinite(mouth.Y))
        {
            throw new ArgumentException("The face's eye and mouth keypoints must be finite.", nameof(face));
        }

        if (eyeDistance < 1e-3)
        {
            throw new ArgumentException("The face's eyes coincide, so no orientation or scale can be derived from them.", nameof(face));
        }

        double centreX = (((left.X + right.X) / 2.0) + mouth.X) / 2;
        double centreY = (((left.Y + right.Y) / 2.0) + mouth.Y) / 2;
        // The face's square (with its margin) fills the crop's shorter side.
        double side = 2 * eyeDistance * (1 + (2 * Margin));
        double imagePixelsPerCropPixel = side / Math.Min(Width, Height);
        return new RotatedBox((float)centreX, (float)centreY, (float)(Width * imagePixelsPerCropPixel), (float)(Height * imagePixelsPerCropPixel), face.Roll);
    }

    /// <summary>Crops a face into a new buffer of <see cref="Width"/> x <see cref="Height"/> pixels in the image's own format.</summary>
    /// <param name="image">The image the face was found in.</param>
    /// <param name="face">The detection, in the image's pixels.</param>
    /// <returns>The crop, tightly packed.</returns>
    /// <exception cref="ArgumentException"><paramref name="image"/> is a default view, or the face is unusable (see <see cref="GetRegion"/>).</exception>
    public ImageBuffer Align(ImageView image, FaceDetection face)
    {
        CheckImage(image);
        byte[] pixels = new byte[Width * Height * image.Layout.BytesPerPixel];
        Align(image, face, pixels);
        return new ImageBuffer(pixels, Width, Height, image.Format);
    }

    /// <summary>Crops a face into the caller's memory, without allocating.</summary>
    /// <param name="image">The image the face was found in.</param>
    /// <param name="face">The detection, in the image's pixels.</param>
    /// <param name="destination">
    /// Receives <see cref="Width"/> x <see cref="Height"/> pixels in the image's format, row after row
    /// <paramref name="destinationStride"/> bytes apart; bytes between rows are left alone.
    /// </param>
    /// <param name="destinationStride">Bytes from one destination row to the next; 0 (the default) means tightly packed.</param>
    /// <returns>The region of the image the crop shows (see <see cref="GetRegion"/>).</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="image"/> is a default view, the face is unusable (see <see cref="GetRegion"/>),
    /// <paramref name="destinationStride"/> is negative or shorter than a row, or <paramref name="destination"/> is too short.
    /// </exception>
    public RotatedBox Align(ImageView image, FaceDetection face, Span<byte> destination, int destinationStride = 0)
    {
        CheckImage(image);
        PixelLayout layout = image.Layout;
        int rowBytes = Width * layout.BytesPerPixel;
        int stride = destinationStride == 0 ? rowBytes : destinationStride;
        if (destinationStride < 0 || stride < rowBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(destinationStride), destinationStride, $"A row of {Width} {image.Format} pixels needs {rowBytes} bytes.");
        }

        long needed = ((long)stride * (Height - 1)) + rowBytes;
        if (destination.Length < needed)
        {
            throw new ArgumentException($"A {Width}x{Height} {image.Format} crop with stride {stride} needs {needed} bytes; the destination holds {destination.Length}.", nameof(destination));
        }

        RotatedBox region = GetRegion(face);
        (double cos, double sin) = RotationMath.CosSin(region.AngleDegrees);
        double step = (double)region.Width / Width;

        // Image point of crop point (x, y): centre + R(roll) (x - width / 2, y - height / 2) x step.
        double x0 = region.CenterX - (((cos * Width / 2.0) - (sin * Height / 2.0)) * step);
        double y0 = region.CenterY - (((sin * Width / 2.0) + (cos * Height / 2.0)) * step);
        var sampling = AffineSampling.ForOutput(Width, Height, x0, cos * step, -sin * step, y0, sin * step, cos * step, image.Width, image.Height, replicateBorder: false);
        for (int row = 0; row < Height; row++)
        {
            AffinePixelSampler.SampleRow(image.Pixels, layout, sampling, row, destination.Slice(row * stride, rowBytes));
        }

        return region;
    }

    private static double Square(double value) => value * value;

    private static void CheckImage(ImageView image)
    {
        if (image.Width == 0)
        {
            throw new ArgumentException("The image view is uninitialised (default).", nameof(image));
        }
    }
}
