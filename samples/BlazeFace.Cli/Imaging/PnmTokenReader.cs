namespace BlazeFace.Cli.Imaging;

/// <summary>
/// Reads the text parts of a Netpbm file: decimal numbers separated by whitespace,
/// with '#' comments running to the end of the line.
/// </summary>
internal ref struct PnmTokenReader
{
    // Anything longer is out of every range we accept; stopping here keeps the value in a long.
    private const int MaxDigits = 18;

    private readonly ReadOnlySpan<byte> _file;

    public PnmTokenReader(ReadOnlySpan<byte> file, int position)
    {
        _file = file;
        Position = position;
    }

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= _file.Length;

    /// <summary>The byte at <see cref="Position"/>; only valid when not <see cref="AtEnd"/>.</summary>
    public readonly byte Current => _file[Position];

    public static bool IsWhitespace(byte value) => value is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0B or 0x0C;

    public void SkipWhitespaceAndComments()
    {
        while (!AtEnd)
        {
            byte value = Current;
            if (value == '#')
            {
                while (!AtEnd && Current is not (byte)'\n' and not (byte)'\r')
                {
                    Position++;
                }
            }
            else if (IsWhitespace(value))
            {
                Position++;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>
    /// Reads the decimal number at <see cref="Position"/>. Returns false, without moving,
    /// when no digit is there. Numbers too long to matter saturate at <see cref="long.MaxValue"/>.
    /// </summary>
    public bool TryReadNumber(out long value)
    {
        value = 0;
        int start = Position;
        while (!AtEnd && char.IsAsciiDigit((char)Current))
        {
            value = Position - start < MaxDigits ? (value * 10) + (Current - '0') : long.MaxValue;
            Position++;
        }

        return Position > start;
    }

    /// <summary>Moves past one byte; the binary raster starts after exactly one whitespace byte.</summary>
    public void Skip() => Position++;
}
