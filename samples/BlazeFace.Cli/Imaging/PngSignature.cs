namespace BlazeFace.Cli.Imaging;

/// <summary>The eight bytes every PNG file starts with.</summary>
internal static class PngSignature
{
    public const int Length = 8;

    public static ReadOnlySpan<byte> Bytes => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// True when <paramref name="file"/> starts with the signature, or is a shorter
    /// prefix of it (a truncated PNG, which the PNG decoder then reports as such).
    /// </summary>
    public static bool IsPrefixOf(ReadOnlySpan<byte> file)
    {
        int count = Math.Min(file.Length, Length);
        return count > 0 && file[..count].SequenceEqual(Bytes[..count]);
    }
}
