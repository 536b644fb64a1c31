using BlazeFace.Kernels;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Tests.Kernels;

/// <summary>
/// The channel-major (CHW) convolutions: at every vector width they give their scalar twins' outputs, and the scalar
/// twins give the HWC kernels' outputs on the same tensors transposed, over widths below, at and above a vector,
/// strides 1 and 2, and the paddings the networks use.
/// </summary>
public class ChwConvolutionKernelTests
{
    private static readonly int[] s_widths = [1, 3, 4, 6, 7, 8, 9, 12, 15, 16, 17, 24, 33, 48];

    [Test]
    public void Depthwise_matches_scalar(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [ValueSource(nameof(s_widths))] int size,
        [Values(1, 2)] int stride,
        [Values(0, 1)] int pad,
        [Values(true, false)] bool relu)
    {
        Conv2DGeometry g = Geometry(new TensorShape(size + 1, size, 5), 5, stride, pad);
        if (g.Output.Width < 1 || g.Output.Height < 1)
        {
            Assert.Pass("no output");
        }

        float[] input = TestTensors.Random(g.Input.Length, 1), filter = TestTensors.Random(9 * 5, 2), bias = TestTensors.Random(5, 3);
        float[] expected = new float[g.Output.Length], actual = new float[g.Output.Length];
        IChwDepthwiseConv2DKernel scalar = KernelSet.Scalar.ChwDepthwiseConv2D, vector = KernelWidths.Create(width).ChwDepthwiseConv2D;
        scalar.Run(g, input, scalar.Pack(filter, 5), bias, expected, relu);
        vector.Run(g, input, vector.Pack(filter, 5), bias, actual, relu);

        TestTensors.AssertClose(actual, expected, 9);
    }

    [Test]
    public void Scalar_depthwise_gives_the_hwc_kernels_outputs([Values(1, 2)] int stride, [Values(0, 1)] int pad)
    {
        Conv2DGeometry g = Geometry(new TensorShape(10, 12, 7), 7, stride, pad);
        float[] hwc = TestTensors.Random(g.Input.Length, 4), filter = TestTensors.Random(9 * 7, 5), bias = TestTensors.Random(7, 6);
        float[] chwOut = new float[g.Output.Length], hwcOut = new float[g.Output.Length];
        IChwDepthwiseConv2DKernel chw = KernelSet.Scalar.ChwDepthwiseConv2D;
        chw.Run(g, ToChw(hwc, g.Input), chw.Pack(filter, 7), bias, chwOut, relu: false);
        KernelSet.Scalar.DepthwiseConv2D.Run(g, hwc, KernelSet.Scalar.DepthwiseConv2D.Pack(filter, 3, 3, 7), bias, hwcOut, relu: false);

        TestTensors.AssertClose(chwOut, ToChw(hwcOut, g.Output), 9);
    }

    [Test]
    public void Hwc_to_chw_convolution_matches_scalar(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [ValueSource(nameof(s_widths))] int size,
        [Values(1, 2)] int stride,
        [Values(0, 1)] int pad)
    {
        Conv2DGeometry g = Geometry(new TensorShape(size + 2, size, 3), 6, stride, pad);
        if (g.Output.Width < 1 || g.Output.Height < 1)
        {
            Assert.Pass("no output");
        }

        float[] input = TestTensors.Random(g.Input.Length, 7), filter = TestTensors.Random(6 * 9 * 3, 8), bias = TestTensors.Random(6, 9);
        float[] expected = new float[g.Output.Length], actual = new float[g.Output.Length];
        KernelSet.Scalar.HwcToChwConv2D.Run(g, input, filter, bias, expected, relu: true);
        KernelWidths.Create(width).HwcToChwConv2D.Run(g, input, filter, bias, actual, relu: true);

        TestTensors.AssertClose(actual, expected, 27);
    }

    [Test]
    public void Scalar_hwc_to_chw_convolution_gives_the_hwc_kernels_outputs_transposed([Values(1, 2)] int stride, [Values(0, 1)] int pad)
    {
        Conv2DGeometry g = Geometry(new TensorShape(11, 12, 3), 8, stride, pad);
        float[] input = TestTensors.Random(g.Input.Length, 10), filter = TestTensors.Random(8 * 9 * 3, 11), bias = TestTensors.Random(8, 12);
        float[] chwOut = new float[g.Output.Length], hwcOut = new float[g.Output.Length];
        KernelSet.Scalar.HwcToChwConv2D.Run(g, input, filter, bias, chwOut, relu: false);
        KernelSet.Scalar.Conv2D.Run(g, input, KernelSet.Scalar.Conv2D.Pack(filter, 8, 3, 3, 3), bias, hwcOut, ConvolutionEpilogue.None);

        TestTensors.AssertClose(chwOut, ToChw(hwcOut, g.Output), 27);
    }

    [Test]
    public void Resize_matches_scalar_and_the_hwc_kernel(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [Values(3, 6, 12, 24)] int size,
        [Values(true, false)] bool halfPixelCenters)
    {
        var inputShape = new TensorShape(size, size, 5);
        var outputShape = new TensorShape(2 * size, 2 * size, 5);
        float[] hwc = TestTensors.Random(inputShape.Length, 13);
        float[] chw = ToChw(hwc, inputShape);
        float[] expected = new float[outputShape.Length], actual = new float[outputShape.Length], hwcOut = new float[outputShape.Length];
        KernelSet.Scalar.ChwResizeBilinear.Run(inputShape, outputShape, false, halfPixelCenters, chw, expected);
        KernelWidths.Create(width).ChwResizeBilinear.Run(inputShape, outputShape, false, halfPixelCenters, chw, actual);
        KernelSet.Scalar.ResizeBilinear.Run(inputShape, outputShape, false, halfPixelCenters, hwc, hwcOut);

        TestTensors.AssertClose(actual, expected, 4);
        TestTensors.AssertClose(expected, ToChw(hwcOut, outputShape), 4);
    }

    /// <summary>A 3x3 window at the stride, with an explicit zero border of <paramref name="pad"/> on every side.</summary>
    private static Conv2DGeometry Geometry(TensorShape input, int outChannels, int stride, int pad)
    {
        int outHeight = ((input.Height + (2 * pad) - 3) / stride) + 1;
        int outWidth = ((input.Width + (2 * pad) - 3) / stride) + 1;
        return new Conv2DGeometry(input, new TensorShape(Math.Max(outHeight, 0), Math.Max(outWidth, 0), outChannels), 3, 3, stride, stride, pad, pad);
    }

    private static float[] ToChw(float[] hwc, TensorShape shape) => ChwSparsePointwiseKernelTests.Transpose(hwc, shape.Height * shape.Width, shape.Channels);
}
