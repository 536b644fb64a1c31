namespace BlazeFace.Models.Tflite;

/// <summary>Element type of a tensor, with the numbers the TFLite schema gives them.</summary>
/// <remarks>
/// A file may carry a number this enum does not name (the schema keeps growing); it is kept as that number and
/// only rejected when the tensor's data is read.
/// </remarks>
internal enum TensorType
{
    Float32 = 0,
    Float16 = 1,
    Int32 = 2,
    UInt8 = 3,
    Int64 = 4,
    String = 5,
    Bool = 6,
    Int16 = 7,
    Complex64 = 8,
    Int8 = 9,
    Float64 = 10,
}
