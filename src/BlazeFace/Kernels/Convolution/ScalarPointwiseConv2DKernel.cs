namespace BlazeFace.Kernels.Convolution;

/// <summary>1x1 convolution as plain dot products: the reference for the GEMM micro-kernels.</summary>
/// <remarks>
/// Four outputs are summed side by side, each over the inputs in order as a lone dot product would: the result is the
/// same, but four independent additions per step instead of one serial chain keep code without SIMD near the
/// machine's pace.
/// </remarks>
internal sealed class ScalarPointwiseConv2DKernel : IPointwiseConv2DKernel
{
    public static ScalarPointwiseConv2DKernel Instance { get; } = new();

    public float[] Pack(ReadOnlySpan<float> filterOhwi, int outChannels, int inChannels) => filterOhwi.ToArray();

    public void Run(int pixels, int inChannels, int outChannels, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, in ConvolutionEpilogue epilogue)
    {
        for (int p = 0; p < pixels; p++)
        {
            ReadOnlySpan<float> x = input.Slice(p * inChannels, inChannels);
            int o = 0;
            for (; o + 4 <= outChannels; o += 4)
            {
                ReadOnlySpan<float> w0 = packedFilter.Slice(o * inChannels, inChannels);
                ReadOnlySpan<float> w1 = packedFilter.Slice((o + 1) * inChannels, inChannels);
                ReadOnlySpan<float> w2 = packedFilter.Slice((o + 2) * inChannels, inChannels);
                ReadOnlySpan<float> w3 = packedFilter.Slice((o + 3) * inChannels, inChannels);
                float acc0 = bias[o], acc1 = bias[o + 1], acc2 = bias[o + 2], acc3 = bias[o + 3];
                for (int i = 0; i < x.Length; i++)
                {
                    float xi = x[i];
                    acc0 += xi * w0[i];
                    acc1 += xi * w1[i];
                    acc2 += xi * w2[i];
                    acc3 += xi * w3[i];
                }

                output[(p * outChannels) + o] = epilogue.Apply(acc0, p, o);
                output[(p * outChannels) + o + 1] = epilogue.Apply(acc1, p, o + 1);
                output[(p * outChannels) + o + 2] = epilogue.Apply(acc2, p, o + 2);
                output[(p * outChannels) + o + 3] = epilogue.Apply(acc3, p, o + 3);
            }

            for (; o < outChannels; o++)
            {
                ReadOnlySpan<float> w = packedFilter.Slice(o * inChannels, inChannels);
                float acc = bias[o];
                for (int i = 0; i < x.Length; i++)
                {
                    acc += x[i] * w[i];
                }

                output[(p * outChannels) + o] = epilogue.Apply(acc, p, o);
            }
        }
    }
}
