using BlazeFace.Imaging;
using BlazeFace.Preprocessing;

namespace BlazeFace.Tests.Support;

/// <summary>Fills a session's input from an image exactly as the detector does (letterbox by default).</summary>
public static class SessionInput
{
    public static void Fill(NetworkSession session, ImageView image, ResizeMode mode = ResizeMode.Letterbox)
    {
        int size = session.Model.InputSize;
        new ImageToTensorConverter(size, size, mode).Convert(image, session.Input);
    }
}
