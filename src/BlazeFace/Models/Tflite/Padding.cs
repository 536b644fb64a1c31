namespace BlazeFace.Models.Tflite;

/// <summary>How a convolution or pooling window treats the input border (schema enum <c>Padding</c>).</summary>
internal enum Padding
{
    /// <summary>Zero-pad so that the output size is ceil(input / stride).</summary>
    Same = 0,

    /// <summary>No padding: windows stay entirely inside the input.</summary>
    Valid = 1,
}
