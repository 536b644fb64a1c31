namespace BlazeFace.Models.Tflite;

/// <summary>Activation fused into an operator's output (schema enum <c>ActivationFunctionType</c>).</summary>
internal enum ActivationFunction
{
    None = 0,
    Relu = 1,
    ReluN1To1 = 2,
    Relu6 = 3,
    Tanh = 4,
    SignBit = 5,
}
