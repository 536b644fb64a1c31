namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>
/// A Huffman decoding table built from the BITS and HUFFVAL lists of a DHT segment
/// (T.81 Annex C and F.2.2.3), with a 9-bit look-up table for the common short codes.
/// </summary>
internal sealed class JpegHuffmanTable
{
    private const int FastBits = 9;

    private readonly byte[] _values;
    private readonly int[] _minCode = new int[17]; // smallest code of each length
    private readonly int[] _maxCode = new int[17]; // largest code of each length, -1 when none
    private readonly int[] _firstValueIndex = new int[17]; // index in _values of the smallest code

    // (length << 8) | value for every 9-bit prefix that starts with a code of at most 9 bits; 0 otherwise.
    private readonly ushort[] _fast = new ushort[1 << FastBits];

    private JpegHuffmanTable(byte[] values) => _values = values;

    /// <summary>Builds a table, rejecting code lengths that over-subscribe the code space.</summary>
    /// <param name="counts">BITS: the number of codes of each length 1..16.</param>
    /// <param name="values">HUFFVAL: the symbols, in order of increasing code length.</param>
    /// <param name="maxSymbol">The largest symbol value that the table class allows.</param>
    public static JpegHuffmanTable Create(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> values, int maxSymbol)
    {
        if (counts.Length != 16)
        {
            throw JpegFormatError.Create("Invalid Huffman table: expected 16 code-length counts.");
        }

        var table = new JpegHuffmanTable(values.ToArray());
        int code = 0;
        int index = 0;
        for (int length = 1; length <= 16; length++)
        {
            int count = counts[length - 1];
            table._maxCode[length] = -1;
            if (count > 0)
            {
                table._minCode[length] = code;
                table._firstValueIndex[length] = index;
                for (int i = 0; i < count; i++)
                {
                    if (code >= (1 << length) || index >= values.Length)
                    {
                        throw JpegFormatError.Create(
                            "Invalid Huffman table: the code lengths over-subscribe the code space.");
                    }

                    if (values[index] > maxSymbol)
                    {
                        throw JpegFormatError.Create(
                            $"Invalid Huffman table: symbol {values[index]} is out of range for this table class.");
                    }

                    if (length <= FastBits)
                    {
                        int shift = FastBits - length;
                        int entry = (length << 8) | values[index];
                        int first = code << shift;
                        table._fast.AsSpan(first, 1 << shift).Fill((ushort)entry);
                    }

                    code++;
                    index++;
                }

                table._maxCode[length] = code - 1;
            }

            code <<= 1;
        }

        return table;
    }

    /// <summary>Decodes one symbol (T.81 F.2.2.3, DECODE).</summary>
    public int Decode(ref JpegBitReader reader)
    {
        int bits = reader.PeekBits16();
        int fast = _fast[bits >> (16 - FastBits)];
        if (fast != 0)
        {
            reader.SkipBits(fast >> 8);
            return fast & 0xFF;
        }

        for (int length = FastBits + 1; length <= 16; length++)
        {
            int code = bits >> (16 - length);
            if (code <= _maxCode[length] && code >= _minCode[length])
            {
                reader.SkipBits(length);
                return _values[_firstValueIndex[length] + code - _minCode[length]];
            }
        }

        throw JpegFormatError.Create("Corrupt JPEG data: Huffman code not found in the table.");
    }
}
