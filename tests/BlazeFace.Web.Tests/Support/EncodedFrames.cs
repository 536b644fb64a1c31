using SkiaSharp;

namespace BlazeFace.Web.Tests.Support;

/// <summary>Webcam-like frames made from the bundled photos: JPEG, as the page sends them.</summary>
internal static class EncodedFrames
{
    public static byte[] Jpeg(string photo, int quality = 85)
    {
        using SKBitmap bitmap = SKBitmap.Decode(Photos.Path(photo));
        using SKData data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }
}
