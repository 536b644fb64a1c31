using System.Buffers.Binary;

namespace BlazeFace.Tests.Hardening.ModelFuzzing;

/// <summary>
/// Where the FlatBuffers bookkeeping of an intact .tflite file lies: every offset, vtable entry, vector length and
/// index, and the byte ranges that hold tensor data. The fuzzer aims its damage at these positions, because random
/// bytes almost always land in weights and would leave the reader's structural checks untested.
/// </summary>
/// <remarks>
/// Deliberately independent of the reader under test: plain unchecked arithmetic that only ever runs on the
/// bundled, well-formed models. Field numbers are the declaration order in TFLite's schema.fbs.
/// </remarks>
internal sealed class TfliteStructureMap
{
    private const int Float16Type = 1;

    private readonly byte[] _file;
    private readonly HashSet<int> _visitedTables = [];
    private readonly SortedSet<int> _uoffsets = [];
    private readonly SortedSet<int> _soffsets = [];
    private readonly SortedSet<int> _vtableEntries = [];
    private readonly SortedSet<int> _vectorLengths = [];
    private readonly SortedSet<int> _int32Values = [];
    private readonly SortedSet<int> _byteValues = [];
    private readonly List<(int Start, int Length, bool IsFloat16)> _bufferData = [];
    private readonly List<int> _buffers = [];
    private readonly List<(int Type, int Buffer)> _tensors = [];

    private TfliteStructureMap(byte[] file) => _file = file;

    /// <summary>Positions of 32-bit offsets that are relative to their own position (root, fields, vector elements).</summary>
    public IReadOnlyList<int> UOffsets { get; private set; } = [];

    /// <summary>Positions of tables, whose first word is the signed distance back to their vtable.</summary>
    public IReadOnlyList<int> SOffsets { get; private set; } = [];

    /// <summary>Positions of 16-bit vtable entries: vtable size, inline table size and one slot per field.</summary>
    public IReadOnlyList<int> VTableEntries { get; private set; } = [];

    /// <summary>Positions of the 32-bit length prefixes of vectors and strings.</summary>
    public IReadOnlyList<int> VectorLengths { get; private set; } = [];

    /// <summary>Positions of 32-bit scalars: indices (tensor, buffer, opcode), shape dimensions, strides, codes.</summary>
    public IReadOnlyList<int> Int32Values { get; private set; } = [];

    /// <summary>Positions of 8-bit scalars: tensor types, options tags, paddings, activations.</summary>
    public IReadOnlyList<int> ByteValues { get; private set; } = [];

    /// <summary>Byte ranges of the buffers' data vectors (the weights, and metadata no tensor refers to), and whether a float16 tensor uses them.</summary>
    public IReadOnlyList<(int Start, int Length, bool IsFloat16)> BufferData => _bufferData;

    /// <summary>Every position above, for retargeting an offset at some other real object of the file.</summary>
    public IReadOnlyList<int> ObjectStarts { get; private set; } = [];

    /// <summary>Total bytes of buffer data.</summary>
    public int BufferDataBytes { get; private set; }

    /// <summary>Every position that is not buffer data: tables, vtables, vectors of indices, strings, padding.</summary>
    public IReadOnlyList<int> StructureBytes { get; private set; } = [];

    public static TfliteStructureMap Of(byte[] file)
    {
        var map = new TfliteStructureMap(file);
        map._uoffsets.Add(0);
        map.VisitTable(ReadInt32(file, 0), TableKind.Model);
        map.MarkFloat16();
        map.Freeze();
        return map;
    }

    private void Freeze()
    {
        UOffsets = [.. _uoffsets];
        SOffsets = [.. _soffsets];
        VTableEntries = [.. _vtableEntries];
        VectorLengths = [.. _vectorLengths];
        Int32Values = [.. _int32Values];
        ByteValues = [.. _byteValues];
        ObjectStarts = [.. _visitedTables.Concat(_vectorLengths).Concat(_vtableEntries).Distinct().Order()];
        BufferDataBytes = _bufferData.Sum(range => range.Length);
        var isData = new bool[_file.Length];
        foreach ((int start, int length, _) in _bufferData)
        {
            Array.Fill(isData, true, start, length);
        }

        StructureBytes = [.. Enumerable.Range(0, _file.Length).Where(position => !isData[position])];
    }

    private void VisitTable(int table, TableKind kind)
    {
        if (!_visitedTables.Add(table))
        {
            return;
        }

        _soffsets.Add(table);
        if (kind == TableKind.Buffer)
        {
            _buffers.Add(table);
        }
        else if (kind == TableKind.Tensor)
        {
            int? type = FieldPosition(table, 1);
            int? buffer = FieldPosition(table, 2);
            _tensors.Add((type is { } t ? _file[t] : 0, buffer is { } b ? ReadInt32(_file, b) : 0));
        }

        int vtable = table - ReadInt32(_file, table);
        int vtableSize = ReadUInt16(vtable);
        for (int entry = vtable; entry < vtable + vtableSize; entry += 2)
        {
            _vtableEntries.Add(entry);
        }

        for (int field = 0; 4 + (2 * field) < vtableSize; field++)
        {
            int offset = ReadUInt16(vtable + 4 + (2 * field));
            if (offset != 0)
            {
                VisitField(kind, field, table + offset);
            }
        }
    }

    private void VisitField(TableKind kind, int field, int position)
    {
        switch (Schema(kind, field))
        {
            case FieldKind.Int32:
                _int32Values.Add(position);
                break;
            case FieldKind.Scalar:
                // Byte-wide fields, and fields of tables this map does not model: damage their first byte only.
                _byteValues.Add(position);
                break;
            case FieldKind.String:
                _uoffsets.Add(position);
                _vectorLengths.Add(Follow(position));
                break;
            case FieldKind.Int32Vector:
                _uoffsets.Add(position);
                VisitInt32Vector(Follow(position));
                break;
            case FieldKind.ByteVector:
                _uoffsets.Add(position);
                _vectorLengths.Add(Follow(position));
                break;
            case FieldKind.Data:
                _uoffsets.Add(position);
                int data = Follow(position);
                _vectorLengths.Add(data);
                int length = ReadInt32(_file, data);
                if (length > 0)
                {
                    _bufferData.Add((data + 4, length, false));
                }

                break;
            case FieldKind.OptionsTable:
                _uoffsets.Add(position);
                VisitTable(Follow(position), TableKind.Options);
                break;
            case FieldKind.OtherTable:
                _uoffsets.Add(position);
                VisitTable(Follow(position), TableKind.Other);
                break;
            default:
                _uoffsets.Add(position);
                VisitTableVector(Follow(position), ChildKind(kind, field));
                break;
        }
    }

    private void VisitInt32Vector(int vector)
    {
        _vectorLengths.Add(vector);
        int count = ReadInt32(_file, vector);
        for (int i = 0; i < count; i++)
        {
            _int32Values.Add(vector + 4 + (4 * i));
        }
    }

    private void VisitTableVector(int vector, TableKind child)
    {
        _vectorLengths.Add(vector);
        int count = ReadInt32(_file, vector);
        for (int i = 0; i < count; i++)
        {
            int element = vector + 4 + (4 * i);
            _uoffsets.Add(element);
            VisitTable(Follow(element), child);
        }
    }

    /// <summary>Marks the data of float16 tensors (schema type 1), so weight damage can aim at their exponent bits.</summary>
    private void MarkFloat16()
    {
        var float16Data = new HashSet<int>();
        foreach ((int type, int buffer) in _tensors)
        {
            if (type == Float16Type && buffer < _buffers.Count && FieldPosition(_buffers[buffer], 0) is { } data)
            {
                float16Data.Add(Follow(data) + 4);
            }
        }

        for (int i = 0; i < _bufferData.Count; i++)
        {
            (int start, int length, _) = _bufferData[i];
            _bufferData[i] = (start, length, float16Data.Contains(start));
        }
    }

    /// <summary>Position of a present field, or null when the table leaves it at its default.</summary>
    private int? FieldPosition(int table, int field)
    {
        int vtable = table - ReadInt32(_file, table);
        if (4 + (2 * field) >= ReadUInt16(vtable))
        {
            return null;
        }

        int offset = ReadUInt16(vtable + 4 + (2 * field));
        return offset == 0 ? null : table + offset;
    }

    private static FieldKind Schema(TableKind kind, int field) => (kind, field) switch
    {
        (TableKind.Model, 0) => FieldKind.Int32,
        (TableKind.Model, 1 or 2 or 4 or 6 or 7) => FieldKind.TableVector,
        (TableKind.Model, 3) => FieldKind.String,
        (TableKind.Model, 5) => FieldKind.Int32Vector,
        (TableKind.OperatorCode, 1) => FieldKind.String,
        (TableKind.OperatorCode, 2 or 3) => FieldKind.Int32,
        (TableKind.SubGraph, 0 or 3) => FieldKind.TableVector,
        (TableKind.SubGraph, 1 or 2) => FieldKind.Int32Vector,
        (TableKind.SubGraph, 4) => FieldKind.String,
        (TableKind.Tensor, 0 or 7) => FieldKind.Int32Vector,
        (TableKind.Tensor, 2) => FieldKind.Int32,
        (TableKind.Tensor, 3) => FieldKind.String,
        (TableKind.Tensor, 4) => FieldKind.OtherTable,
        (TableKind.Operator, 0) => FieldKind.Int32,
        (TableKind.Operator, 1 or 2 or 8) => FieldKind.Int32Vector,
        (TableKind.Operator, 4) => FieldKind.OptionsTable,
        (TableKind.Operator, 5 or 7) => FieldKind.ByteVector,
        (TableKind.Buffer, 0) => FieldKind.Data,
        (TableKind.Metadata, 0) => FieldKind.String,
        (TableKind.Metadata, 1) => FieldKind.Int32,
        _ => FieldKind.Scalar,
    };

    private static TableKind ChildKind(TableKind kind, int field) => (kind, field) switch
    {
        (TableKind.Model, 1) => TableKind.OperatorCode,
        (TableKind.Model, 2) => TableKind.SubGraph,
        (TableKind.Model, 4) => TableKind.Buffer,
        (TableKind.Model, 6) => TableKind.Metadata,
        (TableKind.SubGraph, 0) => TableKind.Tensor,
        (TableKind.SubGraph, 3) => TableKind.Operator,
        _ => TableKind.Other,
    };

    private int Follow(int position) => position + ReadInt32(_file, position);

    private int ReadUInt16(int position) => BinaryPrimitives.ReadUInt16LittleEndian(_file.AsSpan(position));

    private static int ReadInt32(byte[] file, int position) => BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(position));

    private enum TableKind
    {
        Model,
        OperatorCode,
        SubGraph,
        Tensor,
        Operator,
        Buffer,
        Metadata,
        Options,
        Other,
    }

    private enum FieldKind
    {
        Scalar,
        Int32,
        String,
        Int32Vector,
        ByteVector,
        Data,
        TableVector,
        OptionsTable,
        OtherTable,
    }
}
