namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>Access to the JPEG fixtures made by TestData/jpeg/make_fixtures.py and their Pillow references.</summary>
internal static class JpegFixtures
{
    public static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "jpeg");

    public static byte[] Load(string name) => File.ReadAllBytes(Path.Combine(Folder, name + ".jpg"));

    /// <summary>Pillow's decoded pixels for the fixture, RGB24 row-major.</summary>
    public static byte[] LoadReference(string name) => File.ReadAllBytes(Path.Combine(Folder, name + ".rgb"));

    /// <summary>Largest and mean absolute difference over all channels of two equally sized RGB24 buffers.</summary>
    public static (int Max, double Mean) Difference(byte[] actual, byte[] expected)
    {
        if (actual.Length != expected.Length)
        {
            throw new ArgumentException($"Buffer sizes differ: {actual.Length} vs {expected.Length}.", nameof(actual));
        }

        int max = 0;
        long sum = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            int d = Math.Abs(actual[i] - expected[i]);
            max = Math.Max(max, d);
            sum += d;
        }

        return (max, actual.Length == 0 ? 0 : (double)sum / actual.Length);
    }

    /// <summary>
    /// Offset of the 0xFF that starts the first marker segment with the given code, walking the
    /// segments from SOI up to the first SOS (so entropy-coded data is never mistaken for a marker).
    /// </summary>
    public static int FindSegment(byte[] data, byte marker)
    {
        int position = 2;
        while (position + 4 <= data.Length && data[position] == 0xFF)
        {
            byte code = data[position + 1];
            if (code == marker)
            {
                return position;
            }

            if (code == 0xDA)
            {
                break;
            }

            position += 2 + ((data[position + 2] << 8) | data[position + 3]);
        }

        throw new InvalidOperationException($"Marker 0x{marker:X2} not found before the first scan.");
    }

    /// <summary>Offset of the first entropy-coded byte of the first scan.</summary>
    public static int FirstScanData(byte[] data)
    {
        int sos = FindSegment(data, 0xDA);
        return sos + 2 + ((data[sos + 2] << 8) | data[sos + 3]);
    }
}
