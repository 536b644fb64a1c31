using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace BlazeFace.Models.Tflite;

/// <summary>
/// The parts of a TensorFlow Lite model file that a managed interpreter needs: the tensors of its single graph,
/// its operators in execution order, the graph's inputs and outputs, and the stored weights.
/// </summary>
/// <remarks>
/// Tensor data is not copied: <see cref="TfliteTensor.Data"/> slices the memory passed to <see cref="Parse"/>,
/// which must therefore not be modified while the model is in use.
/// </remarks>
internal sealed class TfliteModel
{
    private readonly Dictionary<string, TfliteTensor> _tensorsByName = new(StringComparer.Ordinal);

    internal TfliteModel(
        int version,
        string? description,
        TfliteTensor[] tensors,
        TfliteOperator[] operators,
        int[] inputs,
        int[] outputs)
    {
        Version = version;
        Description = description;
        Tensors = Array.AsReadOnly(tensors);
        Operators = Array.AsReadOnly(operators);
        Inputs = Array.AsReadOnly(inputs);
        Outputs = Array.AsReadOnly(outputs);

        // Names are not guaranteed unique; the first tensor with a name is the one a lookup finds.
        foreach (TfliteTensor tensor in tensors)
        {
            _tensorsByName.TryAdd(tensor.Name, tensor);
        }
    }

    /// <summary>Schema version the file was written with (3 for current converters).</summary>
    public int Version { get; }

    /// <summary>Free text the converter left in the file, if any.</summary>
    public string? Description { get; }

    /// <summary>All tensors of the graph, indexed by <see cref="TfliteTensor.Index"/>.</summary>
    public IReadOnlyList<TfliteTensor> Tensors { get; }

    /// <summary>The graph's operators in execution order.</summary>
    public IReadOnlyList<TfliteOperator> Operators { get; }

    /// <summary>Indices of the graph's input tensors.</summary>
    public IReadOnlyList<int> Inputs { get; }

    /// <summary>Indices of the graph's output tensors.</summary>
    public IReadOnlyList<int> Outputs { get; }

    /// <summary>Parses and validates a .tflite file.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed single-graph TFLite model.</exception>
    public static TfliteModel Parse(ReadOnlyMemory<byte> data) => TfliteModelParser.Parse(data);

    public TfliteTensor? FindTensor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _tensorsByName.GetValueOrDefault(name);
    }

    /// <exception cref="InvalidDataException">The model has no tensor with that name.</exception>
    public TfliteTensor GetTensor(string name) =>
        FindTensor(name) ?? throw new InvalidDataException($"no tensor named '{name}' in the model");

    /// <summary>The tensor's stored values as float32, widening float16 data.</summary>
    /// <exception cref="InvalidDataException">
    /// The tensor has no stored data, is neither Float32 nor Float16, or its data length does not match its shape.
    /// </exception>
    public float[] ReadFloat32(TfliteTensor tensor)
    {
        RequireOwnTensor(tensor);
        if (tensor.Type is not (TensorType.Float32 or TensorType.Float16))
        {
            throw new InvalidDataException($"{Describe(tensor)} has type {tensor.Type}, not Float32 or Float16");
        }

        int elementSize = tensor.Type == TensorType.Float32 ? sizeof(float) : 2;
        ReadOnlySpan<byte> bytes = tensor.Sparsity is null ? CheckedData(tensor, elementSize) : StoredValues(tensor, elementSize);
        var values = new float[bytes.Length / elementSize];
        if (!BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = tensor.Type == TensorType.Float32
                    ? BinaryPrimitives.ReadSingleLittleEndian(bytes[(4 * i)..])
                    : (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(2 * i)..]);
            }
        }
        else if (tensor.Type == TensorType.Float32)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(values);
        }
        else
        {
            TensorPrimitives.ConvertToSingle(MemoryMarshal.Cast<byte, Half>(bytes), values);
        }

        try
        {
            return tensor.Sparsity is { } sparsity ? SparseTensorDensifier.Densify(sparsity, tensor.Shape, values) : values;
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"{Describe(tensor)}: {exception.Message}", exception);
        }
    }

    /// <summary>The tensor's stored values as int32.</summary>
    /// <exception cref="InvalidDataException">
    /// The tensor has no stored data, is not Int32, or its data length does not match its shape.
    /// </exception>
    public int[] ReadInt32(TfliteTensor tensor)
    {
        RequireOwnTensor(tensor);
        if (tensor.Type != TensorType.Int32)
        {
            throw new InvalidDataException($"{Describe(tensor)} has type {tensor.Type}, not Int32");
        }

        ReadOnlySpan<byte> bytes = CheckedData(tensor, sizeof(int));
        var values = new int[bytes.Length / sizeof(int)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, int>(bytes).CopyTo(values);
        }
        else
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(4 * i)..]);
            }
        }

        return values;
    }

    /// <summary>Catches a tensor of another model, whose data would silently be the wrong weights.</summary>
    private void RequireOwnTensor(TfliteTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Index >= Tensors.Count || !ReferenceEquals(Tensors[tensor.Index], tensor))
        {
            throw new ArgumentException($"{Describe(tensor)} belongs to another model", nameof(tensor));
        }
    }

    /// <summary>The tensor's data, checked to hold exactly one element per shape entry.</summary>
    private static ReadOnlySpan<byte> CheckedData(TfliteTensor tensor, int elementSize)
    {
        if (!tensor.HasData && tensor.ElementCount != 0)
        {
            throw new InvalidDataException($"{Describe(tensor)} has no stored data; its values are computed at run time");
        }

        // Comparing by division keeps a huge (hostile) element count from overflowing the product.
        int length = tensor.Data.Length;
        if (length % elementSize != 0 || length / elementSize != tensor.ElementCount)
        {
            throw new InvalidDataException(
                $"{Describe(tensor)} stores {length} bytes, but its shape [{string.Join(",", tensor.Shape)}] of "
                + $"{tensor.Type} needs {tensor.ElementCount} x {elementSize} bytes");
        }

        return tensor.Data.Span;
    }

    /// <summary>A sparse tensor's stored values: a whole number of elements, as many as its sparsity parameters reach (checked when densifying).</summary>
    private static ReadOnlySpan<byte> StoredValues(TfliteTensor tensor, int elementSize)
    {
        int length = tensor.Data.Length;
        return length % elementSize == 0
            ? tensor.Data.Span
            : throw new InvalidDataException($"{Describe(tensor)} stores {length} bytes, not a whole number of {tensor.Type} values");
    }

    private static string Describe(TfliteTensor tensor) => $"tensor {tensor.Index} '{tensor.Name}'";
}
