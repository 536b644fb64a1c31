using BlazeFace.SkiaSharp;
using BlazeFace.Web.Hosting;
using BlazeFace.Web.Requests;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace BlazeFace.Web.Imaging;

/// <summary>
/// Turns an uploaded file into an upright bitmap, or says why not in the caller's terms: not an image format the
/// server reads (415), an image over <see cref="WebSampleOptions.MaxPixels"/> (413, judged from its header before
/// any pixel memory is allocated), or a damaged or truncated image (400).
/// </summary>
internal sealed class EncodedImageDecoder(IOptions<WebSampleOptions> options)
{
    private readonly long _maxPixels = options.Value.MaxPixels;
    private readonly UprightImageOptions _decoding = new() { MaxPixels = options.Value.MaxPixels };

    /// <summary>Decodes the encoded image; null with the problem when it cannot.</summary>
    /// <returns>The upright bitmap (the caller disposes it), or null.</returns>
    public SKBitmap? Decode(ReadOnlyMemory<byte> encoded, out RequestProblem? problem)
    {
        problem = Classify(encoded.Span);
        if (problem is not null)
        {
            return null;
        }

        try
        {
            // UprightImage checks the size again, and the file's length against the size it announces, before decoding.
            return UprightImage.Decode(encoded.Span, _decoding);
        }
        catch (InvalidDataException)
        {
            problem = RequestProblem.BadRequest("The image is damaged or truncated.");
            return null;
        }
        catch (InsufficientMemoryException)
        {
            problem = RequestProblem.TooLarge("The server has no memory for an image this large now.");
            return null;
        }
    }

    /// <summary>Reads the header alone: which problem the whole file would have at most, before anything is decoded.</summary>
    private RequestProblem? Classify(ReadOnlySpan<byte> encoded)
    {
        if (encoded.IsEmpty)
        {
            return RequestProblem.BadRequest("The request holds no image.");
        }

        using SKData data = SKData.CreateCopy(encoded);
        using SKCodec? codec = SKCodec.Create(data);
        if (codec is null)
        {
            return RequestProblem.UnsupportedMediaType("The upload is not an image the server reads (JPEG, PNG, WebP, GIF or BMP), or its header is damaged.");
        }

        long pixels = (long)codec.Info.Width * codec.Info.Height;
        return pixels > _maxPixels
            ? RequestProblem.TooLarge($"The image is {codec.Info.Width}x{codec.Info.Height}, more than the {_maxPixels:N0}-pixel limit.")
            : null;
    }
}
