namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>
/// Reads the bits of an entropy-coded segment most significant bit first (T.81 F.2.2.5),
/// removing stuffed zero bytes (0xFF 0x00) and stopping at the first marker.
/// </summary>
/// <remarks>
/// To keep the Huffman look-ahead simple the reader may append zero bits once it reaches a marker
/// or the end of the data, but those bits can only be peeked at: consuming any of them means the
/// segment is shorter than its MCUs need, which is reported as truncated or corrupt data. The
/// amount of padding is therefore bounded by the 64-bit buffer and can never make a scan spin.
/// </remarks>
internal ref struct JpegBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;
    private ulong _buffer; // left-aligned: bit 63 is the next bit
    private int _bitCount; // valid bits in _buffer, including padding
    private int _paddingBits; // trailing zero bits in _buffer that do not come from the data
    private bool _stoppedAtMarker;

    public JpegBitReader(ReadOnlySpan<byte> data, int position)
    {
        _data = data;
        _position = position;
    }

    /// <summary>Offset of the first byte not yet loaded into the bit buffer.</summary>
    public readonly int Position => _position;

    /// <summary>Returns the next 16 bits without consuming them.</summary>
    public int PeekBits16()
    {
        if (_bitCount < 16)
        {
            Fill();
        }

        return (int)(_buffer >> 48);
    }

    public void SkipBits(int count)
    {
        _buffer <<= count;
        _bitCount -= count;
        if (_bitCount < _paddingBits)
        {
            ThrowOutOfData();
        }
    }

    /// <summary>Reads <paramref name="count"/> (0..16) bits as an unsigned number.</summary>
    public int ReadBits(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        if (_bitCount < count)
        {
            Fill();
        }

        int value = (int)(_buffer >> (64 - count));
        SkipBits(count);
        return value;
    }

    public int ReadBit() => ReadBits(1);

    /// <summary>
    /// Reads an <paramref name="size"/>-bit magnitude and sign-extends it (T.81 F.2.2.1, EXTEND).
    /// </summary>
    public int ReceiveExtend(int size)
    {
        if (size == 0)
        {
            return 0;
        }

        int value = ReadBits(size);
        return value < (1 << (size - 1)) ? value - (1 << size) + 1 : value;
    }

    /// <summary>
    /// Handles the end of a restart interval: drops the bits left in the current byte and
    /// consumes the restart marker, which must be RST<paramref name="expectedIndex"/>.
    /// </summary>
    public void ConsumeRestartMarker(int expectedIndex)
    {
        _buffer = 0;
        _bitCount = 0;
        _paddingBits = 0;
        _stoppedAtMarker = false;

        if (!JpegMarker.TryFindNext(_data, _position, out int markerPosition, out byte marker))
        {
            throw JpegFormatError.Create(
                $"Truncated JPEG: the data ends where restart marker RST{expectedIndex} was expected.");
        }

        if (marker != JpegMarker.Rst0 + expectedIndex)
        {
            throw JpegFormatError.Create(
                $"Corrupt JPEG data: expected restart marker RST{expectedIndex} but found marker {JpegMarker.Describe(marker)}.");
        }

        _position = markerPosition + 2;
    }

    private void Fill()
    {
        while (_bitCount <= 56)
        {
            int next = 0;
            if (_stoppedAtMarker || _position >= _data.Length)
            {
                _paddingBits += 8;
            }
            else if (_data[_position] != 0xFF)
            {
                next = _data[_position++];
            }
            else if (_position + 1 < _data.Length && _data[_position + 1] == 0x00)
            {
                next = 0xFF; // stuffed byte
                _position += 2;
            }
            else
            {
                // A marker (or a lone 0xFF at the very end) ends the entropy-coded segment.
                _stoppedAtMarker = true;
                _paddingBits += 8;
            }

            _buffer |= (ulong)next << (56 - _bitCount);
            _bitCount += 8;
        }
    }

    private readonly void ThrowOutOfData()
    {
        if (_stoppedAtMarker && _position + 1 < _data.Length)
        {
            throw JpegFormatError.Create(
                $"Corrupt JPEG data: marker {JpegMarker.Describe(_data[_position + 1])} found inside entropy-coded data before the scan was complete.");
        }

        throw JpegFormatError.Create("Truncated JPEG: the data ends before the scan is complete.");
    }
}
