namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>
/// Builds tiny hand-made baseline JPEG streams (8x8, one grayscale component, all-ones quantization)
/// whose entropy-coded bits are given explicitly, to reach decoder paths that real encoders never emit.
/// </summary>
/// <remarks>
/// DC table 0 has one code: "0" = category 0. AC table 0 has three codes of length 2:
/// "00" = EOB, "01" = ZRL (sixteen zeros), "10" = run 0 / size 1.
/// </remarks>
internal static class JpegTestStreams
{
    public static byte[] Grayscale8x8(string entropyBits)
    {
        var file = new List<byte> { 0xFF, 0xD8 };

        // DQT: table 0, 8-bit, all ones.
        file.AddRange([0xFF, 0xDB, 0x00, 67, 0x00]);
        file.AddRange(Enumerable.Repeat((byte)1, 64));

        // SOF0: 8-bit, 8x8, one component (id 1, 1x1, table 0).
        file.AddRange([0xFF, 0xC0, 0x00, 11, 8, 0, 8, 0, 8, 1, 1, 0x11, 0]);

        // DHT: DC table 0 with one 1-bit code; AC table 0 with three 2-bit codes.
        file.AddRange([0xFF, 0xC4, 0x00, 2 + (1 + 16 + 1) + (1 + 16 + 3)]);
        file.AddRange([0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00]);
        file.AddRange([0x10, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0xF0, 0x01]);

        // SOS: one component, tables 0/0, Ss=0, Se=63, Ah=Al=0.
        file.AddRange([0xFF, 0xDA, 0x00, 8, 1, 1, 0x00, 0, 63, 0]);

        file.AddRange(PackBits(entropyBits));
        file.AddRange([0xFF, 0xD9]);
        return [.. file];
    }

    /// <summary>Packs '0'/'1' characters (others ignored) MSB first, pads with 1s and stuffs 0xFF bytes.</summary>
    private static List<byte> PackBits(string bits)
    {
        var bytes = new List<byte>();
        int current = 0;
        int count = 0;
        foreach (char c in bits.Where(c => c is '0' or '1'))
        {
            current = (current << 1) | (c - '0');
            if (++count == 8)
            {
                Emit(bytes, current);
                current = 0;
                count = 0;
            }
        }

        if (count > 0)
        {
            Emit(bytes, (current << (8 - count)) | ((1 << (8 - count)) - 1));
        }

        return bytes;
    }

    private static void Emit(List<byte> bytes, int value)
    {
        bytes.Add((byte)value);
        if (value == 0xFF)
        {
            bytes.Add(0x00);
        }
    }
}
