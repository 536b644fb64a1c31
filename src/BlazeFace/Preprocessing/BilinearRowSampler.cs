using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BlazeFace.Imaging;

namespace BlazeFace.Preprocessing;

/// <summary>
/// The inner loops of <see cref="ImageToTensorConverter"/>: blend two source rows into one row of RGB floats in
/// [-1, 1], one output pixel per <see cref="SampleTap"/>.
/// </summary>
/// <remarks>
/// Reads are unchecked because bounds checks on the twelve loads per pixel dominated the cost. They stay in
/// bounds because the callers slice (with checks) each source row to its pixel bytes and each output row to three
/// floats per tap, every tap offset is at most (width - 1) x bytes per pixel (the plan clamps to the last pixel and
/// is rebuilt whenever the size or format changes), and channel offsets are below bytes per pixel.
/// </remarks>
internal static class BilinearRowSampler
{
    /// <summary>Scales a byte value to [0, 2]; subtracting one gives the model's [-1, 1].</summary>
    internal const float Scale = 1 / 127.5f;

    /// <summary>Whether <see cref="SampleFourBytesAtATime"/> can be used and runs on vector hardware here, making it the faster choice.</summary>
    public static bool IsVectorised => Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian;

    /// <summary>Samples one output row, one channel at a time; works for every format and every column.</summary>
    /// <param name="top">The upper source row's pixel bytes.</param>
    /// <param name="bottom">The lower source row's pixel bytes.</param>
    /// <param name="fy">Weight of the lower row.</param>
    /// <param name="columns">Taps of the output columns to sample.</param>
    /// <param name="channels">Where red, green and blue sit in a source pixel.</param>
    /// <param name="output">Exactly three floats per tap.</param>
    public static void SampleByChannel(ReadOnlySpan<byte> top, ReadOnlySpan<byte> bottom, float fy, ReadOnlySpan<SampleTap> columns, ChannelOffsets channels, Span<float> output)
    {
        Debug.Assert(output.Length == columns.Length * 3, "three floats per tap");
        ref byte topRow = ref MemoryMarshal.GetReference(top);
        ref byte bottomRow = ref MemoryMarshal.GetReference(bottom);
        ref float destination = ref MemoryMarshal.GetReference(output);
        for (int i = 0; i < columns.Length; i++)
        {
            SampleTap column = columns[i];
            Debug.Assert(column.Upper + Math.Max(channels.Red, channels.Blue) < top.Length, "tap inside the row");
            float fx = column.Weight;
            ref float pixel = ref Unsafe.Add(ref destination, i * 3);
            pixel = Blend(ref topRow, ref bottomRow, column.Lower + channels.Red, column.Upper + channels.Red, fx, fy);
            Unsafe.Add(ref pixel, 1) = Blend(ref topRow, ref bottomRow, column.Lower + channels.Green, column.Upper + channels.Green, fx, fy);
            Unsafe.Add(ref pixel, 2) = Blend(ref topRow, ref bottomRow, column.Lower + channels.Blue, column.Upper + channels.Blue, fx, fy);
        }
    }

    /// <summary>Samples one output row of a one-byte grey image, blending once per pixel and copying the result to all three channels.</summary>
    /// <param name="top">The upper source row's pixel bytes.</param>
    /// <param name="bottom">The lower source row's pixel bytes.</param>
    /// <param name="fy">Weight of the lower row.</param>
    /// <param name="columns">Taps of the output columns to sample.</param>
    /// <param name="output">Exactly three floats per tap.</param>
    public static void SampleGrey(ReadOnlySpan<byte> top, ReadOnlySpan<byte> bottom, float fy, ReadOnlySpan<SampleTap> columns, Span<float> output)
    {
        Debug.Assert(output.Length == columns.Length * 3, "three floats per tap");
        ref byte topRow = ref MemoryMarshal.GetReference(top);
        ref byte bottomRow = ref MemoryMarshal.GetReference(bottom);
        ref float destination = ref MemoryMarshal.GetReference(output);
        for (int i = 0; i < columns.Length; i++)
        {
            SampleTap column = columns[i];
            Debug.Assert(column.Upper < top.Length, "tap inside the row");
            float value = Blend(ref topRow, ref bottomRow, column.Lower, column.Upper, column.Weight, fy);
            ref float pixel = ref Unsafe.Add(ref destination, i * 3);
            pixel = value;
            Unsafe.Add(ref pixel, 1) = value;
            Unsafe.Add(ref pixel, 2) = value;
        }
    }

    /// <summary>
    /// Samples one output row of a three- or four-byte colour image with 4-wide vectors, blending all channels of
    /// a pixel at once. Each tap reads four bytes and each pixel writes four floats, so the caller must ensure that
    /// four bytes can be read at every tap offset and that one float of room follows <paramref name="output"/>.
    /// </summary>
    /// <param name="top">The upper source row's bytes, readable four bytes past every tap offset.</param>
    /// <param name="bottom">The lower source row's bytes, likewise.</param>
    /// <param name="fy">Weight of the lower row.</param>
    /// <param name="columns">Taps of the output columns to sample.</param>
    /// <param name="swapRedAndBlue">Whether the source stores blue first (BGR, BGRA).</param>
    /// <param name="output">Three floats per tap followed by at least one more, which is overwritten.</param>
    public static void SampleFourBytesAtATime(ReadOnlySpan<byte> top, ReadOnlySpan<byte> bottom, float fy, ReadOnlySpan<SampleTap> columns, bool swapRedAndBlue, Span<float> output)
    {
        Debug.Assert(output.Length > columns.Length * 3, "room for the fourth float of the last pixel");
        ref byte topRow = ref MemoryMarshal.GetReference(top);
        ref byte bottomRow = ref MemoryMarshal.GetReference(bottom);
        ref float destination = ref MemoryMarshal.GetReference(output);
        Vector128<float> rowWeight = Vector128.Create(fy);
        Vector128<float> scale = Vector128.Create(Scale);
        Vector128<float> one = Vector128<float>.One;
        for (int i = 0; i < columns.Length; i++)
        {
            SampleTap column = columns[i];
            Debug.Assert(column.Upper + 4 <= top.Length, "four readable bytes at the tap");
            Vector128<float> fx = Vector128.Create(column.Weight);
            Vector128<float> topLeft = LoadPixel(ref topRow, column.Lower);
            Vector128<float> bottomLeft = LoadPixel(ref bottomRow, column.Lower);
            Vector128<float> upper = topLeft + (fx * (LoadPixel(ref topRow, column.Upper) - topLeft));
            Vector128<float> lower = bottomLeft + (fx * (LoadPixel(ref bottomRow, column.Upper) - bottomLeft));
            Vector128<float> value = ((upper + (rowWeight * (lower - upper))) * scale) - one;
            if (swapRedAndBlue)
            {
                value = Vector128.Shuffle(value, Vector128.Create(2, 1, 0, 3));
            }

            value.StoreUnsafe(ref destination, (nuint)(i * 3));
        }
    }

    /// <summary>Blends one channel of four source bytes and scales the result to [-1, 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Blend(ref byte top, ref byte bottom, int left, int right, float fx, float fy) =>
        (Interpolate(ref top, ref bottom, left, right, fx, fy) * Scale) - 1f;

    /// <summary>Blends one channel of four source bytes, unscaled: a value in [0, 255].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Interpolate(ref byte top, ref byte bottom, int left, int right, float fx, float fy)
    {
        float topLeft = Unsafe.Add(ref top, left);
        float bottomLeft = Unsafe.Add(ref bottom, left);
        float upper = topLeft + (fx * (Unsafe.Add(ref top, right) - topLeft));
        float lower = bottomLeft + (fx * (Unsafe.Add(ref bottom, right) - bottomLeft));
        return upper + (fy * (lower - upper));
    }

    /// <summary>Four consecutive bytes as four floats; for a three-byte pixel the fourth is the next pixel's first byte, which is ignored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<float> LoadPixel(ref byte row, int offset)
    {
        uint packed = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref row, offset));
        Vector128<byte> bytes = Vector128.CreateScalarUnsafe(packed).AsByte();
        Vector128<uint> widened = Vector128.WidenLower(Vector128.WidenLower(bytes));
        return Vector128.ConvertToSingle(widened.AsInt32());
    }
}
