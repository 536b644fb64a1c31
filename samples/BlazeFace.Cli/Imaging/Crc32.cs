namespace BlazeFace.Cli.Imaging;

/// <summary>
/// The CRC-32 that PNG chunks carry (ISO 3309 / ITU-T V.42, reflected polynomial 0xEDB88320),
/// computed with a 256-entry table.
/// </summary>
internal static class Crc32
{
    /// <summary>State to start from before the first <see cref="Append"/>.</summary>
    public const uint InitialState = 0xFFFFFFFFu;

    private static readonly uint[] Table = BuildTable();

    /// <summary>CRC of one contiguous block.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(InitialState, data));

    /// <summary>Feeds more bytes into a running CRC state.</summary>
    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        uint[] table = Table;
        foreach (byte value in data)
        {
            state = table[(state ^ value) & 0xFF] ^ (state >> 8);
        }

        return state;
    }

    /// <summary>Turns a running state into the CRC value stored in the file.</summary>
    public static uint Finish(uint state) => ~state;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
