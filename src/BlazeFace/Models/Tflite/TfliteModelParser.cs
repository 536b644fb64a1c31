namespace BlazeFace.Models.Tflite;

/// <summary>
/// Turns the bytes of a .tflite file into a <see cref="TfliteModel"/>, checking every structural fact the rest of
/// the library relies on: offsets, lengths, tensor and buffer indices, shapes and operator options.
/// </summary>
/// <remarks>
/// Field numbers are the declaration order in TFLite's schema.fbs (Model, SubGraph, Tensor, Buffer, Operator,
/// OperatorCode). Errors from the FlatBuffers layer are re-thrown with the model object they occurred in, so a
/// message reads e.g. "Tensor 12 'conv2d/Kernel': buffer index 99 out of range (model has 40 buffers)".
/// </remarks>
internal sealed class TfliteModelParser
{
    private const string FileIdentifier = "TFL3";

    private readonly FlatBufferReader _reader;
    private readonly DecodeBudget _budget;
    private ReadOnlyMemory<byte>[] _buffers = [];
    private OperatorCode[] _operatorCodes = [];
    private int _tensorCount;

    private TfliteModelParser(ReadOnlyMemory<byte> data)
    {
        _reader = new FlatBufferReader(data);
        _budget = new DecodeBudget(data.Length);
    }

    public static TfliteModel Parse(ReadOnlyMemory<byte> data)
    {
        CheckHeader(data.Span);
        return new TfliteModelParser(data).ParseModel();
    }

    private static void CheckHeader(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8)
        {
            throw new InvalidDataException(
                $"a TFLite file starts with an 8-byte header, but this file is only {data.Length} bytes long");
        }

        ReadOnlySpan<byte> identifier = data[4..8];
        if (!identifier.SequenceEqual("TFL3"u8))
        {
            var printable = new string([.. identifier.ToArray().Select(b => b is >= 0x20 and < 0x7F ? (char)b : '.')]);
            throw new InvalidDataException(
                $"file identifier (bytes 4 to 7) is '{printable}' ({Convert.ToHexString(identifier)}), "
                + $"not '{FileIdentifier}': not a TFLite model");
        }
    }

    private TfliteModel ParseModel()
    {
        FlatBufferTable model = Within("model", _reader.ReadRootTable);
        uint version = Within("model", () => model.GetUInt32(0));
        if (version > int.MaxValue)
        {
            throw new InvalidDataException($"model: schema version {version} is not a valid version");
        }

        string? description = Within("model description", () => _budget.String(model, 3));
        _buffers = ReadEach(model, 4, "model buffer list", ParseBuffer);
        _operatorCodes = ReadEach(model, 1, "model operator code list", ParseOperatorCode);

        FlatBufferVector subgraphs = Within("model subgraph list", () => model.GetVector(2, 4))
            ?? throw new InvalidDataException("model has no subgraph list");
        if (subgraphs.Count != 1)
        {
            throw new InvalidDataException(
                $"model has {subgraphs.Count} subgraphs; exactly one (the main graph) is supported");
        }

        FlatBufferTable subgraph = Within("subgraph 0", () => subgraphs.GetTable(0));
        TfliteTensor[] tensors = ReadEach(subgraph, 0, "subgraph tensor list", ParseTensor);
        _tensorCount = tensors.Length;
        int[] inputs = Within("subgraph", () => ReadTensorIndices(subgraph, 1, "input", allowAbsent: false));
        int[] outputs = Within("subgraph", () => ReadTensorIndices(subgraph, 2, "output", allowAbsent: false));
        TfliteOperator[] operators = ReadEach(subgraph, 3, "subgraph operator list", ParseOperator);

        return new TfliteModel((int)version, description, tensors, operators, inputs, outputs);
    }

    private ReadOnlyMemory<byte> ParseBuffer(int index, FlatBufferTable buffer)
    {
        try
        {
            // Models over 2 GB keep tensor data after the FlatBuffer and point at it with offset/size.
            ulong offset = buffer.GetUInt64(1);
            if (offset != 0)
            {
                ulong size = buffer.GetUInt64(2);
                throw new InvalidDataException(
                    $"data stored outside the FlatBuffer (offset {offset}, size {size}) is not supported");
            }

            return buffer.GetVector(0, 1)?.Bytes ?? ReadOnlyMemory<byte>.Empty;
        }
        catch (InvalidDataException exception)
        {
            throw InContext($"Buffer {index}", exception);
        }
    }

    private OperatorCode ParseOperatorCode(int index, FlatBufferTable code)
    {
        try
        {
            // Schema 3a moved the code to a 32-bit field and kept the old 8-bit one (saturated at 127) for old
            // readers; files written before that only have the old one. The larger of the two is the real code.
            int deprecated = code.GetSByte(0);
            int current = code.GetInt32(3);
            var kind = (BuiltinOperator)Math.Max(deprecated, current);
            string? custom = _budget.String(code, 1);
            if (kind == BuiltinOperator.Custom && string.IsNullOrEmpty(custom))
            {
                throw new InvalidDataException("custom operator has no custom_code name");
            }

            return new OperatorCode(kind, custom);
        }
        catch (InvalidDataException exception)
        {
            throw InContext($"Operator code {index}", exception);
        }
    }

    private TfliteTensor ParseTensor(int index, FlatBufferTable tensor)
    {
        string? name = null;
        try
        {
            name = _budget.String(tensor, 3) ?? string.Empty;
            int[] shape = _budget.Int32Vector(tensor, 0) ?? [];
            long elementCount = CountElements(shape);
            var type = (TensorType)tensor.GetByte(1);
            uint bufferIndex = tensor.GetUInt32(2);
            if (bufferIndex >= (uint)_buffers.Length)
            {
                throw new InvalidDataException(
                    $"buffer index {bufferIndex} out of range (model has {_buffers.Length} buffers)");
            }

            TensorSparsity? sparsity = tensor.GetTable(6) is { } table ? ParseSparsity(table) : null;
            return new TfliteTensor(index, name, shape, elementCount, type, (int)bufferIndex, _buffers[bufferIndex], sparsity);
        }
        catch (InvalidDataException exception)
        {
            throw InContext(name is null ? $"Tensor {index}" : $"Tensor {index} '{name}'", exception);
        }
    }

    /// <summary>
    /// A tensor's <c>SparsityParameters</c>: traversal_order (field 0), block_map (1), dim_metadata (2). Each
    /// <c>DimensionMetadata</c> has format (0: DENSE 0, SPARSE_CSR 1), dense_size (1), and two unions of
    /// Int32Vector (1), Uint16Vector (2) or Uint8Vector (3), each a table whose field 0 holds the values:
    /// array_segments (type 2, value 3) and array_indices (type 4, value 5). Checked against the shape on use.
    /// </summary>
    private TensorSparsity ParseSparsity(FlatBufferTable sparsity)
    {
        int[] traversalOrder = _budget.Int32Vector(sparsity, 0) ?? [];
        int[] blockMap = _budget.Int32Vector(sparsity, 1) ?? [];
        SparseLevel[] levels = ReadEach(sparsity, 2, "sparsity dimension metadata", ParseSparseLevel);
        return new TensorSparsity(traversalOrder, blockMap, levels);
    }

    private SparseLevel ParseSparseLevel(int index, FlatBufferTable level)
    {
        try
        {
            byte format = level.GetByte(0);
            if (format > 1)
            {
                throw new InvalidDataException($"format {format} is neither DENSE (0) nor SPARSE_CSR (1)");
            }

            int denseSize = level.GetInt32(1);
            if (format == 0)
            {
                return new SparseLevel(false, denseSize, [], []);
            }

            return new SparseLevel(true, denseSize, ReadIndexVector(level, 2, "array_segments"), ReadIndexVector(level, 4, "array_indices"));
        }
        catch (InvalidDataException exception)
        {
            throw InContext($"Sparsity dimension {index}", exception);
        }
    }

    /// <summary>A SparseIndexVector union: its type at <paramref name="typeField"/>, its table at the next field.</summary>
    private int[] ReadIndexVector(FlatBufferTable level, int typeField, string name)
    {
        int elementSize = level.GetByte(typeField) switch
        {
            1 => 4,
            2 => 2,
            3 => 1,
            byte other => throw new InvalidDataException($"{name} has vector type {other}, not Int32Vector (1), Uint16Vector (2) or Uint8Vector (3)"),
        };
        FlatBufferTable table = level.GetTable(typeField + 1) ?? throw new InvalidDataException($"{name} is missing");
        int[] values = _budget.UnsignedVector(table, 0, elementSize) ?? throw new InvalidDataException($"{name} has no values");
        if (elementSize == 4 && Array.Exists(values, v => v < 0))
        {
            throw new InvalidDataException($"{name} holds a negative value");
        }

        return values;
    }

    private static long CountElements(int[] shape)
    {
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            int dimension = shape[i];
            if (dimension < 0)
            {
                throw new InvalidDataException(
                    $"dimension {i} of shape [{string.Join(",", shape)}] is negative");
            }

            if (dimension != 0 && count > long.MaxValue / dimension)
            {
                throw new InvalidDataException(
                    $"shape [{string.Join(",", shape)}] has more elements than a 64-bit count can hold");
            }

            count *= dimension;
        }

        return count;
    }

    private TfliteOperator ParseOperator(int index, FlatBufferTable op)
    {
        BuiltinOperator? kind = null;
        try
        {
            uint opcodeIndex = op.GetUInt32(0);
            if (opcodeIndex >= (uint)_operatorCodes.Length)
            {
                throw new InvalidDataException(
                    $"opcode index {opcodeIndex} out of range (model has {_operatorCodes.Length} operator codes)");
            }

            OperatorCode code = _operatorCodes[opcodeIndex];
            kind = code.Kind;
            int[] inputs = ReadTensorIndices(op, 1, "input", allowAbsent: true);
            int[] outputs = ReadTensorIndices(op, 2, "output", allowAbsent: false);
            object? options = ReadOptions(op, code.Kind);
            return new TfliteOperator(index, code.Kind, code.CustomCode, inputs, outputs, options);
        }
        catch (InvalidDataException exception)
        {
            throw InContext(kind is null ? $"Operator {index}" : $"Operator {index} ({kind})", exception);
        }
    }

    private object? ReadOptions(FlatBufferTable op, BuiltinOperator kind)
    {
        var type = (BuiltinOptionsType)op.GetByte(3);
        BuiltinOptionsType? expected = BuiltinOptionsReader.ExpectedType(kind);
        if (expected is not { } expectedType)
        {
            return null;
        }

        if (type != BuiltinOptionsType.None && type != expectedType)
        {
            string wanted = expectedType == BuiltinOptionsType.None ? "none" : expectedType.ToString();
            throw new InvalidDataException(
                $"builtin options type {(int)type} ({type}) does not match what {kind} takes ({wanted})");
        }

        FlatBufferTable? table = type == BuiltinOptionsType.None ? null : op.GetTable(4);
        if (table is not { } options)
        {
            if (BuiltinOptionsReader.RequiresOptions(kind))
            {
                throw new InvalidDataException($"{kind} has no {expectedType}, which it needs for its strides and window");
            }

            return null;
        }

        return BuiltinOptionsReader.Read(kind, options, _budget);
    }

    private int[] ReadTensorIndices(FlatBufferTable table, int field, string role, bool allowAbsent)
    {
        int[] indices = _budget.Int32Vector(table, field) ?? [];
        for (int i = 0; i < indices.Length; i++)
        {
            int tensor = indices[i];
            bool absent = allowAbsent && tensor == -1;
            if (!absent && (tensor < 0 || tensor >= _tensorCount))
            {
                throw new InvalidDataException(
                    $"{role} {i} refers to tensor {tensor}, but the model has {_tensorCount} tensors");
            }
        }

        return indices;
    }

    /// <summary>Parses every table of the vector in field <paramref name="field"/>; an absent vector is empty.</summary>
    private static T[] ReadEach<T>(FlatBufferTable owner, int field, string what, Func<int, FlatBufferTable, T> parse)
    {
        FlatBufferVector? vector = Within(what, () => owner.GetVector(field, 4));
        if (vector is not { } present)
        {
            return [];
        }

        // Each element is a 4-byte offset inside the file, so Count is bounded by the file size.
        var items = new T[present.Count];
        for (int i = 0; i < items.Length; i++)
        {
            FlatBufferTable table;
            try
            {
                table = present.GetTable(i);
            }
            catch (InvalidDataException exception)
            {
                throw InContext(what, exception);
            }

            items[i] = parse(i, table);
        }

        return items;
    }

    private static T Within<T>(string where, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException exception)
        {
            throw InContext(where, exception);
        }
    }

    private static InvalidDataException InContext(string where, InvalidDataException exception) =>
        new($"{where}: {exception.Message}", exception);

    private readonly record struct OperatorCode(BuiltinOperator Kind, string? CustomCode);
}
