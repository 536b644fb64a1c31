using BlazeFace.Kernels.Chw;

namespace BlazeFace.Kernels.Sparse;

/// <summary>The sparse 1x1 convolution one value at a time: the reference for the vectorised kernel.</summary>
internal sealed class ScalarChwSparsePointwiseKernel : IChwSparsePointwiseKernel
{
    public static ScalarChwSparsePointwiseKernel Instance { get; } = new();

    public void Run(int pixels, SparseFilter filter, ReadOnlySpan<float> input, ReadOnlySpan<float> bias, Span<float> output, in ChwEpilogue epilogue)
    {
        ChwSparsePointwiseChecks.Check(pixels, filter, input, bias, output, epilogue);
        for (int o = 0; o < filter.OutChannels; o++)
        {
            int start = filter.RowStarts[o], end = filter.RowStarts[o + 1];
            for (int p = 0; p < pixels; p++)
            {
                float acc = bias[o];
                for (int k = start; k < end; k++)
                {
                    acc += filter.Values[k] * input[(filter.Channels[k] * pixels) + p];
                }

                output[(o * pixels) + p] = epilogue.Apply(acc, (o * pixels) + p);
            }
        }
    }
}
