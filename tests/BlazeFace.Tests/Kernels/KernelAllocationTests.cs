using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Kernels;

/// <summary>A network runs every frame, so no kernel may allocate once its weights are packed.</summary>
public class KernelAllocationTests
{
    [Test]
    public void Kernels_do_not_allocate_while_running(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Supported))] string width)
    {
        KernelSet kernels = KernelWidths.Create(width);
        var workload = new Workload(kernels);

        long allocated = AllocationProbe.FewestBytesPerCall(workload.Run);

        Assert.That(allocated, Is.Zero);
    }

    /// <summary>One call of every kernel, on shapes that take each one's tail and narrow-channel paths.</summary>
    private sealed class Workload
    {
        private readonly KernelSet _kernels;
        private readonly Conv2DGeometry _stem = TestTensors.Geometry(new TensorShape(17, 17, 3), 24, 5, 2, same: true);
        private readonly Conv2DGeometry _depthwise = TestTensors.Geometry(new TensorShape(9, 9, 28), 28, 3, 2, same: true);
        private readonly Conv2DGeometry _pool = TestTensors.Geometry(new TensorShape(9, 9, 28), 28, 2, 2, same: true);
        private readonly float[] _input = TestTensors.Random(9 * 9 * 88, 1);
        private readonly float[] _residual = TestTensors.Random(9 * 9 * 88, 2);
        private readonly float[] _output = new float[9 * 9 * 96];
        private readonly float[] _bias = TestTensors.Random(96, 3);
        private readonly float[] _stemFilter;
        private readonly float[] _pointwiseFilter;
        private readonly float[] _narrowFilter;
        private readonly float[] _depthwiseFilter;
        private readonly float[] _alpha = TestTensors.Random(42, 8);
        private readonly float[] _packedAlpha;

        public Workload(KernelSet kernels)
        {
            _kernels = kernels;
            _stemFilter = kernels.Conv2D.Pack(TestTensors.Random(24 * 5 * 5 * 3, 4), 24, 5, 5, 3);
            _pointwiseFilter = kernels.PointwiseConv2D.Pack(TestTensors.Random(42 * 33, 5), 42, 33);
            _narrowFilter = kernels.PointwiseConv2D.Pack(TestTensors.Random(2 * 33, 6), 2, 33);
            _depthwiseFilter = kernels.DepthwiseConv2D.Pack(TestTensors.Random(9 * 28, 7), 3, 3, 28);
            _packedAlpha = kernels.PRelu.Pack(_alpha);
        }

        public void Run()
        {
            _kernels.Conv2D.Run(_stem, _input, _stemFilter, _bias, _output, ConvolutionEpilogue.ReluOnly);
            _kernels.PointwiseConv2D.Run(81, 33, 42, _input, _pointwiseFilter, _bias, _output, new ConvolutionEpilogue(_residual.AsSpan(0, 81 * 33), 33, relu: true));
            _kernels.PointwiseConv2D.Run(81, 33, 2, _input, _narrowFilter, _bias, _output, new ConvolutionEpilogue(_residual.AsSpan(0, 81), 1, relu: true));
            _kernels.PointwiseConv2D.Run(81, 33, 42, _input, _pointwiseFilter, _bias, _output, new ConvolutionEpilogue(_residual.AsSpan(0, 81 * 33), 33, _alpha));
            _kernels.PointwiseConv2D.Run(81, 33, 2, _input, _narrowFilter, _bias, _output, ConvolutionEpilogue.PReluOnly(_alpha.AsSpan(0, 2)));
            _kernels.DepthwiseConv2D.Run(_depthwise, _input, _depthwiseFilter, _bias, _output, relu: false);
            _kernels.MaxPool2D.Run(_pool, _input, _output);
            _kernels.ChannelPadding.Run(81, 28, 0, 4, _input, _output);
            _kernels.Add.Run(_input, _residual, _output.AsSpan(0, 500), relu: true);
            _kernels.Relu.Run(_input, _output.AsSpan(0, 500));
            _kernels.PRelu.Run(_input, _packedAlpha, 42, _output.AsSpan(0, 81 * 42));
            _kernels.ResizeBilinear.Run(new TensorShape(3, 3, 33), new TensorShape(6, 6, 33), alignCorners: false, halfPixelCenters: true, _input, _output);
        }
    }
}
