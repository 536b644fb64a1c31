using BlazeFace.Imaging;

namespace BlazeFace.Preprocessing;

/// <summary>
/// Writes the model's input tensor from an image: bilinear sampling into the fitted area, black (-1) in any
/// letterbox border, RGB channels scaled from [0, 255] to [-1, 1], laid out NHWC (row, column, channel).
/// </summary>
/// <remarks>
/// Only the input's pixels are computed, each from four source pixels, so the cost does not grow with the image.
/// The sampling tables are cached for the last image size and format, so a video stream of fixed size allocates
/// nothing per frame. Not thread-safe: use one converter per thread.
/// <see cref="ReferenceImageToTensorConverter"/> defines the same result plainly.
/// </remarks>
internal sealed class ImageToTensorConverter
{
    private const int Channels = 3;

    private readonly ResamplingPlan _plan;

    /// <summary>Creates a converter for a model input of the given size.</summary>
    /// <param name="inputWidth">Model input width in pixels; positive.</param>
    /// <param name="inputHeight">Model input height in pixels; positive.</param>
    /// <param name="mode">How images are fitted into the input.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or <paramref name="mode"/> is undefined.</exception>
    public ImageToTensorConverter(int inputWidth, int inputHeight, ResizeMode mode)
    {
        // Validates all three arguments in one place.
        _ = InputTransform.Create(1, 1, inputWidth, inputHeight, mode);
        InputWidth = inputWidth;
        InputHeight = inputHeight;
        Mode = mode;
        _plan = new ResamplingPlan(inputWidth, inputHeight);
    }

    /// <summary>Model input width in pixels.</summary>
    public int InputWidth { get; }

    /// <summary>Model input height in pixels.</summary>
    public int InputHeight { get; }

    /// <summary>How images are fitted into the input.</summary>
    public ResizeMode Mode { get; }

    /// <summary>
    /// Whether colour images are sampled with 4-wide vectors; on by default where the hardware accelerates them.
    /// Tests turn it off to check the per-channel loop that other hardware uses.
    /// </summary>
    internal bool UseVectors { get; init; } = BilinearRowSampler.IsVectorised;

    /// <summary>Number of floats in the tensor: height x width x 3.</summary>
    public int TensorLength => InputWidth * InputHeight * Channels;

    /// <summary>Samples <paramref name="image"/> into <paramref name="tensor"/>.</summary>
    /// <param name="image">The source image.</param>
    /// <param name="tensor">Receives <see cref="TensorLength"/> floats.</param>
    /// <returns>How the image maps into the input, for mapping detections back.</returns>
    /// <exception cref="ArgumentException"><paramref name="image"/> is a default view or <paramref name="tensor"/> has the wrong length.</exception>
    public InputTransform Convert(ImageView image, Span<float> tensor)
    {
        InputTransform transform = CheckArguments(image, tensor, InputWidth, InputHeight, Mode);
        SampleAxisAligned(image, transform, tensor);
        return transform;
    }

    /// <summary>
    /// Samples <paramref name="image"/> into <paramref name="tensor"/> along a given transform: a region, a rotation,
    /// a window of a tiled search. Axis-aligned transforms take the same separable path as
    /// <see cref="Convert(ImageView, Span{float})"/>; turned ones are sampled pixel by pixel in one pass.
    /// </summary>
    /// <param name="image">The source image.</param>
    /// <param name="transform">A transform made for this image's size and this converter's input size.</param>
    /// <param name="tensor">Receives <see cref="TensorLength"/> floats.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="image"/> is a default view, <paramref name="tensor"/> has the wrong length, or
    /// <paramref name="transform"/> was made for another image or input size.
    /// </exception>
    public void Convert(ImageView image, in InputTransform transform, Span<float> tensor)
    {
        _ = CheckArguments(image, tensor, InputWidth, InputHeight, Mode);
        if (transform.ImageWidth != image.Width || transform.ImageHeight != image.Height || transform.InputWidth != InputWidth || transform.InputHeight != InputHeight)
        {
            throw new ArgumentException(
                $"The transform maps a {transform.ImageWidth}x{transform.ImageHeight} image into a {transform.InputWidth}x{transform.InputHeight} input, not a {image.Width}x{image.Height} image into {InputWidth}x{InputHeight}.",
                nameof(transform));
        }

        if (transform.IsAxisAligned)
        {
            SampleAxisAligned(image, transform, tensor);
        }
        else
        {
            SampleTurned(image, transform, tensor);
        }
    }

    /// <summary>Checks the image and tensor and computes the transform; shared with the reference so both reject the same input.</summary>
    internal static InputTransform CheckArguments(ImageView image, Span<float> tensor, int inputWidth, int inputHeight, ResizeMode mode)
    {
        if (image.Width == 0)
        {
            throw new ArgumentException("The image view is uninitialised (default).", nameof(image));
        }

        int expected = inputWidth * inputHeight * Channels;
        if (tensor.Length != expected)
        {
            throw new ArgumentException($"A {inputWidth}x{inputHeight} RGB input tensor holds {expected} floats, got {tensor.Length}.", nameof(tensor));
        }

        return InputTransform.Create(image.Width, image.Height, inputWidth, inputHeight, mode);
    }

    private void SampleAxisAligned(ImageView image, in InputTransform transform, Span<float> tensor)
    {
        PixelLayout layout = image.Layout;
        if (!_plan.Matches(transform, layout.BytesPerPixel))
        {
            _plan.Rebuild(transform, layout.BytesPerPixel);
        }

        ChannelOffsets channels = layout.Format.GetChannelOffsets();
        ReadOnlySpan<SampleTap> rows = _plan.Rows;
        int rowLength = InputWidth * Channels;
        tensor[..(_plan.FirstRow * rowLength)].Fill(-1f);
        tensor[(_plan.EndRow * rowLength)..].Fill(-1f);
        for (int j = _plan.FirstRow; j < _plan.EndRow; j++)
        {
            SampleTap rowTap = rows[j];
            ReadOnlySpan<byte> top = image.Pixels.Slice(rowTap.Lower * layout.Stride, layout.RowBytes);
            ReadOnlySpan<byte> bottom = image.Pixels.Slice(rowTap.Upper * layout.Stride, layout.RowBytes);
            SampleRow(top, bottom, rowTap.Weight, layout.Format, channels, tensor.Slice(j * rowLength, rowLength));
        }
    }

    private void SampleTurned(ImageView image, in InputTransform transform, Span<float> tensor) =>
        AffineRowSampler.SampleTensor(image, AffineSampling.ForInput(transform), InputWidth, TensorValueRange.MinusOneToOne, UseVectors, tensor);

    private void SampleRow(ReadOnlySpan<byte> top, ReadOnlySpan<byte> bottom, float fy, ImagePixelFormat format, ChannelOffsets channels, Span<float> output)
    {
        int first = _plan.FirstColumn;
        int end = _plan.EndColumn;
        output[..(first * Channels)].Fill(-1f);
        output[(end * Channels)..].Fill(-1f);
        if (format == ImagePixelFormat.Gray8)
        {
            BilinearRowSampler.SampleGrey(top, bottom, fy, _plan.Columns[first..end], output[(first * Channels)..(end * Channels)]);
            return;
        }

        // The vector loop writes a fourth float after each pixel, so it stops one column early; the taps whose
        // four-byte reads would pass the end of the row are left to the per-channel loop too.
        int vectorEnd = UseVectors ? Math.Max(first, Math.Min(end - 1, _plan.EndOfFourByteReads)) : first;
        if (vectorEnd > first)
        {
            bool swapRedAndBlue = channels.Red > channels.Blue;
            BilinearRowSampler.SampleFourBytesAtATime(top, bottom, fy, _plan.Columns[first..vectorEnd], swapRedAndBlue, output[(first * Channels)..((vectorEnd * Channels) + 1)]);
        }

        BilinearRowSampler.SampleByChannel(top, bottom, fy, _plan.Columns[vectorEnd..end], channels, output[(vectorEnd * Channels)..(end * Channels)]);
    }
}
