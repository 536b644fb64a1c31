namespace BlazeFace.Models.Tflite;

/// <summary>Operator kinds, with the numbers the TFLite schema gives them.</summary>
/// <remarks>
/// Only the kinds a BlazeFace-style network may use are named; any other number read from a file is kept as is,
/// so that the network builder can name it when it refuses the model.
/// </remarks>
internal enum BuiltinOperator
{
    Add = 0,
    AveragePool2D = 1,
    Concatenation = 2,
    Conv2D = 3,
    DepthwiseConv2D = 4,
    DepthToSpace = 5,
    Dequantize = 6,
    FullyConnected = 9,
    L2Pool2D = 12,
    Logistic = 14,
    MaxPool2D = 17,
    Mul = 18,
    Relu = 19,
    ReluN1To1 = 20,
    Relu6 = 21,
    Reshape = 22,
    ResizeBilinear = 23,
    Softmax = 25,
    Tanh = 28,
    Custom = 32,
    Pad = 34,
    Transpose = 39,
    Mean = 40,
    Sub = 41,
    Div = 42,
    Squeeze = 43,
    StridedSlice = 45,
    Prelu = 54,
    PadV2 = 60,
    ResizeNearestNeighbor = 97,
    LeakyRelu = 98,
    Quantize = 114,
    HardSwish = 117,

    /// <summary>Expands a sparse constant into a dense tensor.</summary>
    Densify = 124,
}
