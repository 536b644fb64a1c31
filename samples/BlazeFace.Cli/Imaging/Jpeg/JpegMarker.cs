using System.Globalization;

namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>
/// Marker codes (the byte that follows 0xFF) from ITU-T T.81 Table B.1, and a scanner that
/// finds the next marker in a byte stream.
/// </summary>
internal static class JpegMarker
{
    public const byte Sof0Baseline = 0xC0;
    public const byte Sof1ExtendedSequential = 0xC1;
    public const byte Sof2Progressive = 0xC2;
    public const byte Sof3Lossless = 0xC3;
    public const byte Dht = 0xC4;
    public const byte Jpg = 0xC8;
    public const byte Dac = 0xCC;
    public const byte Rst0 = 0xD0;
    public const byte Rst7 = 0xD7;
    public const byte Soi = 0xD8;
    public const byte Eoi = 0xD9;
    public const byte Sos = 0xDA;
    public const byte Dqt = 0xDB;
    public const byte Dnl = 0xDC;
    public const byte Dri = 0xDD;
    public const byte Dhp = 0xDE;
    public const byte Exp = 0xDF;
    public const byte App0 = 0xE0;
    public const byte App14 = 0xEE;
    public const byte Tem = 0x01;

    /// <summary>True for the markers that stand alone, without a length field (B.1.1.3).</summary>
    public static bool IsStandalone(byte marker) =>
        marker == Soi || marker == Eoi || marker == Tem || IsRestart(marker);

    public static bool IsRestart(byte marker) => marker >= Rst0 && marker <= Rst7;

    public static string Describe(byte marker) =>
        "0xFF" + marker.ToString("X2", CultureInfo.InvariantCulture);

    /// <summary>
    /// Finds the next marker at or after <paramref name="start"/>, skipping any bytes that are
    /// not markers (garbage, or stuffed 0xFF 0x00 pairs) and any 0xFF fill bytes (B.1.1.2).
    /// </summary>
    /// <param name="data">The whole file.</param>
    /// <param name="start">Where to start looking.</param>
    /// <param name="markerPosition">Offset of the 0xFF that directly precedes the marker code.</param>
    /// <param name="marker">The marker code.</param>
    /// <returns>False when the data ends before a marker is found.</returns>
    public static bool TryFindNext(ReadOnlySpan<byte> data, int start, out int markerPosition, out byte marker)
    {
        int i = Math.Max(start, 0);
        while (i + 1 < data.Length)
        {
            if (data[i] != 0xFF)
            {
                i++;
                continue;
            }

            byte code = data[i + 1];
            if (code == 0xFF)
            {
                i++; // fill byte: the marker code comes later
                continue;
            }

            if (code == 0x00)
            {
                i += 2; // stuffed zero: not a marker
                continue;
            }

            markerPosition = i;
            marker = code;
            return true;
        }

        markerPosition = data.Length;
        marker = 0;
        return false;
    }
}
