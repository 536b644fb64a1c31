namespace BlazeFace.Kernels.Depthwise;

/// <summary>The depthwise kernel's buffers as raw references, checked for length once by the kernel's entry point.</summary>
/// <remarks>
/// The buffers may hold a band of rows (see <see cref="Convolution.RowBand"/>): <see cref="Input"/> is image row
/// <see cref="FirstInputRow"/> and <see cref="Output"/> is output row <see cref="FirstOutputRow"/>.
/// </remarks>
internal ref struct DepthwiseData
{
    public ref float Input;
    public ref float Filter;
    public ref float Bias;
    public ref float Output;
    public bool Relu;
    public int FirstInputRow;
    public int FirstOutputRow;

    public DepthwiseData(ref float input, ref float filter, ref float bias, ref float output, bool relu, int firstInputRow, int firstOutputRow)
    {
        Input = ref input;
        Filter = ref filter;
        Bias = ref bias;
        Output = ref output;
        Relu = relu;
        FirstInputRow = firstInputRow;
        FirstOutputRow = firstOutputRow;
    }
}
