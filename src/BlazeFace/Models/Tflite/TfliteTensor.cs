namespace BlazeFace.Models.Tflite;

/// <summary>A tensor of a TFLite model's graph: its name, shape, element type and, for weights, its stored data.</summary>
internal sealed class TfliteTensor
{
    internal TfliteTensor(int index, string name, int[] shape, long elementCount, TensorType type, int bufferIndex, ReadOnlyMemory<byte> data, TensorSparsity? sparsity = null)
    {
        Sparsity = sparsity;
        Index = index;
        Name = name;
        Shape = Array.AsReadOnly(shape);
        ElementCount = elementCount;
        Type = type;
        BufferIndex = bufferIndex;
        Data = data;
    }

    /// <summary>Position of the tensor in the subgraph's tensor list; operators refer to tensors by it.</summary>
    public int Index { get; }

    /// <summary>The name the converter gave the tensor (not necessarily unique); empty when the file has none.</summary>
    public string Name { get; }

    /// <summary>Dimensions, outermost first (NHWC for images); empty for a scalar. Never negative.</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount { get; }

    /// <summary>Element type; may be a number <see cref="TensorType"/> does not name.</summary>
    public TensorType Type { get; }

    /// <summary>Index of the model buffer holding the data; buffer 0 is, by convention, the empty one.</summary>
    public int BufferIndex { get; }

    /// <summary>The stored bytes (little-endian); empty for tensors computed at run time.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Whether the file stores data for the tensor (weights, biases, constant shapes).</summary>
    public bool HasData => !Data.IsEmpty;

    /// <summary>How a sparse constant stores its values; null for a dense tensor.</summary>
    public TensorSparsity? Sparsity { get; }

    public override string ToString() => $"tensor {Index} '{Name}' {Type} [{string.Join(",", Shape)}]";
}
