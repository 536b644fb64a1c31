namespace BlazeFace.Kernels;

/// <summary>1x1 convolution as a plain triple loop: the reference for the GEMM micro-kernels.</summary>
internal sealed class ScalarPointwiseConv2DKernel : IPointwiseConv2DKernel
{
    public static ScalarPointwiseConv2DKernel Instance { get; } = new();

    public float[] Pack(ReadOnlySpan<float> filterOhwi, int outChannels, int inChannels) => filterOhwi.ToArray();

    public void Run(int pixels, int inChannels, int outChannels, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, in ConvolutionEpilogue epilogue)
    {
        for (int p = 0; p < pixels; p++)
        {
            ReadOnlySpan<float> x = input.Slice(p * inChannels, inChannels);
            for (int o = 0; o < outChannels; o++)
            {
                ReadOnlySpan<float> w = packedFilter.Slice(o * inChannels, inChannels);
                float acc = bias[o];
                for (int i = 0; i < inChannels; i++)
                {
                    acc += x[i] * w[i];
                }

                output[(p * outChannels) + o] = epilogue.Apply(acc, p, o);
            }
        }
    }
}
