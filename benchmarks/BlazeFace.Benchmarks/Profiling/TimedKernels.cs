using System.Diagnostics;
using BlazeFace.Kernels;

namespace BlazeFace.Benchmarks.Profiling;

/// <summary>
/// Decorators that time every call of a <see cref="KernelSet"/>'s kernels into a <see cref="KernelCallLog"/> and
/// describe it (shapes, FLOPs, bytes), so a network built on them yields a per-layer profile.
/// </summary>
internal static class TimedKernels
{
    private const int FloatBytes = sizeof(float);

    public static KernelSet Wrap(KernelSet inner, KernelCallLog log) => new()
    {
        Width = inner.Width,
        Conv2D = new Conv2D(inner.Conv2D, log),
        PointwiseConv2D = new Pointwise(inner.PointwiseConv2D, log),
        DepthwiseConv2D = new Depthwise(inner.DepthwiseConv2D, log),
        MaxPool2D = new MaxPool(inner.MaxPool2D, log),
        ChannelPadding = new Padding(inner.ChannelPadding, log),
        Add = new Add(inner.Add, log),
        Relu = new Relu(inner.Relu, log),
        ResizeBilinear = new Resize(inner.ResizeBilinear, log),
    };

    private sealed class Conv2D(IConv2DKernel inner, KernelCallLog log) : IConv2DKernel
    {
        public float[] Pack(ReadOnlySpan<float> filterOhwi, int outChannels, int kernelHeight, int kernelWidth, int inChannels) =>
            inner.Pack(filterOhwi, outChannels, kernelHeight, kernelWidth, inChannels);

        public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, in ConvolutionEpilogue epilogue)
        {
            long start = Stopwatch.GetTimestamp();
            inner.Run(geometry, input, packedFilter, bias, output, epilogue);
            Conv2DGeometry g = geometry;
            log.Record(start, () => new KernelCall(
                $"conv {g.KernelHeight}x{g.KernelWidth}/{g.StrideHeight}",
                $"{g.Input} -> {g.Output}",
                2.0 * g.Output.Length * g.KernelHeight * g.KernelWidth * g.Input.Channels,
                (double)(g.Input.Length + g.Output.Length + (g.Output.Channels * g.KernelHeight * g.KernelWidth * g.Input.Channels)) * FloatBytes));
        }
    }

    private sealed class Pointwise(IPointwiseConv2DKernel inner, KernelCallLog log) : IPointwiseConv2DKernel
    {
        public float[] Pack(ReadOnlySpan<float> filterOhwi, int outChannels, int inChannels) => inner.Pack(filterOhwi, outChannels, inChannels);

        public void Run(int pixels, int inChannels, int outChannels, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, in ConvolutionEpilogue epilogue)
        {
            long start = Stopwatch.GetTimestamp();
            inner.Run(pixels, inChannels, outChannels, input, packedFilter, bias, output, epilogue);
            int residual = epilogue.ResidualChannels;
            log.Record(start, () => new KernelCall(
                residual > 0 ? "pointwise+res" : "pointwise",
                $"{pixels}px {inChannels} -> {outChannels}",
                2.0 * pixels * inChannels * outChannels,
                (double)((pixels * (inChannels + outChannels + residual)) + (inChannels * outChannels)) * FloatBytes));
        }
    }

    private sealed class Depthwise(IDepthwiseConv2DKernel inner, KernelCallLog log) : IDepthwiseConv2DKernel
    {
        public float[] Pack(ReadOnlySpan<float> filter1hwc, int kernelHeight, int kernelWidth, int channels) => inner.Pack(filter1hwc, kernelHeight, kernelWidth, channels);

        public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, bool relu)
        {
            long start = Stopwatch.GetTimestamp();
            inner.Run(geometry, input, packedFilter, bias, output, relu);
            Conv2DGeometry g = geometry;
            log.Record(start, () => new KernelCall(
                $"depthwise {g.KernelHeight}x{g.KernelWidth}/{g.StrideHeight}",
                $"{g.Input} -> {g.Output}",
                2.0 * g.Output.Length * g.KernelHeight * g.KernelWidth,
                (double)(g.Input.Length + g.Output.Length) * FloatBytes));
        }
    }

    private sealed class MaxPool(IMaxPool2DKernel inner, KernelCallLog log) : IMaxPool2DKernel
    {
        public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, Span<float> output)
        {
            long start = Stopwatch.GetTimestamp();
            inner.Run(geometry, input, output);
            Conv2DGeometry g = geometry;
            log.Record(start, () => new KernelCall(
                $"maxpool {g.KernelHeight}x{g.KernelWidth}/{g.StrideHeight}",
                $"{g.Input} -> {g.Output}",
                0,
                (double)(g.Input.Length + g.Output.Length) * FloatBytes));
        }
    }

    private sealed class Padding(IChannelPaddingKernel inner, KernelCallLog log) : IChannelPaddingKernel
    {
        public void Run(int pixels, int inChannels, int padBefore, int padAfter, ReadOnlySpan<float> input, Span<float> output)
        {
            long start = Stopwatch.GetTimestamp();
            inner.Run(pixels, inChannels, padBefore, padAfter, input, output);
            log.Record(start, () => new KernelCall(
                "channel padding",
                $"{pixels}px {inChannels} -> {padBefore + inChannels + padAfter}",
                0,
                (double)pixels * ((2 * inChannels) + padBefore + padAfter) * FloatBytes));
        }
    }

    private sealed class Add(IAddKernel inner, KernelCallLog log) : IAddKernel
    {
        public void Run(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> output, bool relu)
        {
            long start = Stopwatch.GetTimestamp();
            inner.Run(left, right, output, relu);
            int length = output.Length;
            log.Record(start, () => new KernelCall(relu ? "add+relu" : "add", $"{length}", length, 3.0 * length * FloatBytes));
        }
    }

    private sealed class Relu(IReluKernel inner, KernelCallLog log) : IReluKernel
    {
        public void Run(ReadOnlySpan<float> input, Span<float> output)
        {
            long start = Stopwatch.GetTimestamp();
            inner.Run(input, output);
            int length = output.Length;
            log.Record(start, () => new KernelCall("relu", $"{length}", 0, 2.0 * length * FloatBytes));
        }
    }

    private sealed class Resize(IResizeBilinearKernel inner, KernelCallLog log) : IResizeBilinearKernel
    {
        public void Run(TensorShape inputShape, TensorShape outputShape, bool alignCorners, bool halfPixelCenters, ReadOnlySpan<float> input, Span<float> output)
        {
            long start = Stopwatch.GetTimestamp();
            inner.Run(inputShape, outputShape, alignCorners, halfPixelCenters, input, output);
            log.Record(start, () => new KernelCall(
                "resize bilinear",
                $"{inputShape} -> {outputShape}",
                6.0 * outputShape.Length,
                (double)(inputShape.Length + outputShape.Length) * FloatBytes));
        }
    }
}
