namespace BlazeFace.Imaging;

/// <summary>Where each colour channel sits within one pixel's bytes.</summary>
/// <param name="Red">Byte offset of red.</param>
/// <param name="Green">Byte offset of green.</param>
/// <param name="Blue">Byte offset of blue.</param>
/// <param name="Alpha">Byte offset of alpha, or -1 when the format has none.</param>
internal readonly record struct ChannelOffsets(int Red, int Green, int Blue, int Alpha)
{
    /// <summary>Whether the format stores an alpha byte.</summary>
    public bool HasAlpha => Alpha >= 0;
}
