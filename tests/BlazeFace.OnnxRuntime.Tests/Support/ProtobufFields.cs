namespace BlazeFace.Tests.Support;

/// <summary>
/// A minimal, independent protocol buffers reader for inspecting an exported file: the fields of one message, each
/// as its number with either a varint value or the bytes of a length-delimited field (fixed-width fields are
/// skipped). Written from the wire-format specification, not shared with the exporter it checks.
/// </summary>
internal sealed record ProtobufField(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Bytes.Span);

    public static IReadOnlyList<ProtobufField> Read(ReadOnlyMemory<byte> message)
    {
        var fields = new List<ProtobufField>();
        int position = 0;
        ReadOnlySpan<byte> data = message.Span;
        while (position < data.Length)
        {
            ulong tag = ReadVarint(data, ref position);
            int number = (int)(tag >> 3);
            switch ((int)(tag & 7))
            {
                case 0:
                    fields.Add(new ProtobufField(number, ReadVarint(data, ref position), ReadOnlyMemory<byte>.Empty));
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    int length = (int)ReadVarint(data, ref position);
                    fields.Add(new ProtobufField(number, 0, message.Slice(position, length)));
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Wire type {tag & 7} at byte {position}.");
            }
        }

        return fields;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
