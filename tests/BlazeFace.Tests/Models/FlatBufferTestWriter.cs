using System.Buffers.Binary;
using System.Text;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Writes a <see cref="FlatTableSpec"/> tree as a FlatBuffer, front to back: each object is followed by the
/// objects it refers to, so every offset is positive as the format requires.
/// </summary>
/// <remarks>
/// An object that appears more than once in the tree (the same instance) is written once and shared wherever the
/// shared copy lies ahead of the reference (offsets cannot point backwards), which is how tests build files whose
/// vectors are referenced many times.
/// </remarks>
internal sealed class FlatBufferTestWriter
{
    private readonly List<byte> _bytes = [];
    private readonly Dictionary<object, int> _written = new(ReferenceEqualityComparer.Instance);

    public static byte[] Write(FlatTableSpec root, string fileIdentifier)
    {
        var writer = new FlatBufferTestWriter();
        writer._bytes.AddRange(new byte[4]);
        writer._bytes.AddRange(Encoding.ASCII.GetBytes(fileIdentifier));
        int rootPosition = writer.WriteObject(root, referencedFrom: 0);
        byte[] result = [.. writer._bytes];
        BinaryPrimitives.WriteInt32LittleEndian(result, rootPosition);
        return result;
    }

    private int WriteObject(object node, int referencedFrom)
    {
        if (_written.TryGetValue(node, out int existing) && existing > referencedFrom)
        {
            return existing;
        }

        int position = node switch
        {
            FlatTableSpec table => WriteTable(table),
            string text => WriteByteVector([.. Encoding.UTF8.GetBytes(text), 0], Encoding.UTF8.GetByteCount(text)),
            byte[] bytes => WriteByteVector(bytes, bytes.Length),
            int[] ints => WriteIntVector(ints),
            FlatTableSpec[] tables => WriteTableVector(tables),
            _ => throw new ArgumentException($"cannot write a {node.GetType().Name}", nameof(node)),
        };
        _written[node] = position;
        return position;
    }

    private int WriteTable(FlatTableSpec table)
    {
        int fieldCount = table.Fields.Count == 0 ? 0 : table.Fields.Keys.Max() + 1;
        var slots = new ushort[fieldCount];
        int inlineSize = 4;
        foreach ((int field, object value) in table.Fields)
        {
            slots[field] = (ushort)inlineSize;
            inlineSize += value is FlatTableSpec.InlineScalar scalar ? scalar.Bytes.Length : 4;
        }

        Align(2);
        int vtable = _bytes.Count;
        AddUInt16((ushort)(4 + (2 * fieldCount)));
        AddUInt16((ushort)inlineSize);
        foreach (ushort slot in slots)
        {
            AddUInt16(slot);
        }

        Align(4);
        int start = _bytes.Count;
        AddInt32(start - vtable);
        var children = new List<(int FieldPosition, object Child)>();
        foreach ((int field, object value) in table.Fields)
        {
            if (value is FlatTableSpec.InlineScalar scalar)
            {
                _bytes.AddRange(scalar.Bytes);
            }
            else
            {
                children.Add((_bytes.Count, value));
                AddInt32(0);
            }
        }

        foreach ((int fieldPosition, object child) in children)
        {
            PatchOffset(fieldPosition, WriteObject(child, fieldPosition));
        }

        return start;
    }

    private int WriteByteVector(byte[] bytes, int count)
    {
        Align(4);
        int start = _bytes.Count;
        AddInt32(count);
        _bytes.AddRange(bytes);
        return start;
    }

    private int WriteIntVector(int[] values)
    {
        Align(4);
        int start = _bytes.Count;
        AddInt32(values.Length);
        foreach (int value in values)
        {
            AddInt32(value);
        }

        return start;
    }

    private int WriteTableVector(FlatTableSpec[] tables)
    {
        Align(4);
        int start = _bytes.Count;
        AddInt32(tables.Length);
        for (int i = 0; i < tables.Length; i++)
        {
            AddInt32(0);
        }

        for (int i = 0; i < tables.Length; i++)
        {
            int element = start + 4 + (4 * i);
            PatchOffset(element, WriteObject(tables[i], element));
        }

        return start;
    }

    private void PatchOffset(int fieldPosition, int target)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, target - fieldPosition);
        for (int i = 0; i < 4; i++)
        {
            _bytes[fieldPosition + i] = bytes[i];
        }
    }

    private void Align(int alignment)
    {
        while (_bytes.Count % alignment != 0)
        {
            _bytes.Add(0);
        }
    }

    private void AddUInt16(ushort value)
    {
        _bytes.Add((byte)value);
        _bytes.Add((byte)(value >> 8));
    }

    private void AddInt32(int value)
    {
        for (int shift = 0; shift < 32; shift += 8)
        {
            _bytes.Add((byte)(value >> shift));
        }
    }
}
