namespace BlazeFace.Kernels.Depthwise;

/// <summary>The depthwise kernel's buffers as raw references, checked for length once by the kernel's entry point.</summary>
internal ref struct DepthwiseData
{
    public ref float Input;
    public ref float Filter;
    public ref float Bias;
    public ref float Output;
    public bool Relu;

    public DepthwiseData(ref float input, ref float filter, ref float bias, ref float output, bool relu)
    {
        Input = ref input;
        Filter = ref filter;
        Bias = ref bias;
        Output = ref output;
        Relu = relu;
    }
}
