namespace BlazeFace.Network.Layers;

/// <summary>Keras's <c>padding</c> argument.</summary>
internal enum PaddingMode
{
    /// <summary>Output size ceil(in / stride); TensorFlow pads the window walk, putting any odd pixel at the end.</summary>
    Same,

    /// <summary>No padding: output size ceil((in - kernel + 1) / stride).</summary>
    Valid,
}
