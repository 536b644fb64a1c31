namespace BlazeFace.Network;

/// <summary>How the operators of a model file are found for a network's layers when the file is checked and loaded.</summary>
internal enum LayerMatching
{
    /// <summary>
    /// Each layer is the operator producing the tensor of the layer's name, and its weights are the tensors named
    /// <c>{layer}/Kernel</c>, <c>{layer}/Bias</c>…: files exported from Keras layer by layer, whose names are the layers'.
    /// </summary>
    ByName,

    /// <summary>
    /// Each layer is the operator of its kind that reads its inputs' tensors and has its shape and options, and its
    /// weights are the constants that operator reads: files from TensorFlow's MLIR converter, whose tensor names are
    /// lists of fused op names that do not identify layers (one names a depthwise convolution after another layer).
    /// </summary>
    ByStructure,
}
