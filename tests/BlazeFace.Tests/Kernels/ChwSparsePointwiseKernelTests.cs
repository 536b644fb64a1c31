using BlazeFace.Kernels;
using BlazeFace.Kernels.Chw;
using BlazeFace.Kernels.Sparse;

namespace BlazeFace.Tests.Kernels;

/// <summary>
/// The sparse 1x1 kernel skips zeros and nothing else: at every vector width it gives its scalar twin's outputs, and
/// both give the dense 1x1 kernel's (on the same tensors transposed to HWC), on random sparsity patterns.
/// </summary>
public class ChwSparsePointwiseKernelTests
{
    private static readonly int[] s_pixelCounts = [1, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 36, 64, 100, 144];

    [Test]
    public void Matches_scalar_for_every_pixel_count(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Vectorised))] string width,
        [ValueSource(nameof(s_pixelCounts))] int pixels,
        [Values(0.0, 0.3, 0.7, 1.0)] double density)
    {
        SparseFilter filter = RandomFilter(outChannels: 13, inChannels: 21, density, seed: pixels);
        float[] input = TestTensors.Random(21 * pixels, 1);
        float[] bias = TestTensors.Random(13, 2);
        float[] residual = TestTensors.Random(13 * pixels, 3);

        foreach ((bool withResidual, bool relu) in new[] { (false, false), (false, true), (true, true) })
        {
            var epilogue = new ChwEpilogue(withResidual ? residual : default, relu);
            float[] expected = new float[13 * pixels], actual = new float[13 * pixels];
            KernelSet.Scalar.ChwSparsePointwise.Run(pixels, filter, input, bias, expected, epilogue);
            KernelWidths.Create(width).ChwSparsePointwise.Run(pixels, filter, input, bias, actual, epilogue);

            TestTensors.AssertClose(actual, expected, 21);
        }
    }

    [Test]
    public void Gives_the_dense_kernels_outputs_on_random_sparsity_patterns(
        [ValueSource(typeof(KernelWidths), nameof(KernelWidths.Supported))] string width,
        [Values(0.1, 0.3, 0.5)] double density,
        [Values(8, 96)] int outChannels)
    {
        const int pixels = 48, inChannels = 32;
        float[] dense = TestTensors.Random(outChannels * inChannels, 5);
        var random = new Random(6);
        for (int i = 0; i < dense.Length; i++)
        {
            if (random.NextDouble() >= density)
            {
                dense[i] = 0f;
            }
        }

        float[] inputChw = TestTensors.Random(inChannels * pixels, 7);
        float[] bias = TestTensors.Random(outChannels, 8);
        KernelSet kernels = KernelWidths.Create(width);
        float[] sparseOut = new float[outChannels * pixels];
        kernels.ChwSparsePointwise.Run(pixels, SparseFilter.FromOhwi(dense, outChannels, inChannels), inputChw, bias, sparseOut, ChwEpilogue.ReluOnly);

        float[] denseOut = new float[pixels * outChannels];
        kernels.PointwiseConv2D.Run(pixels, inChannels, outChannels, Transpose(inputChw, inChannels, pixels), kernels.PointwiseConv2D.Pack(dense, outChannels, inChannels), bias, denseOut, BlazeFace.Kernels.Convolution.ConvolutionEpilogue.ReluOnly);

        TestTensors.AssertClose(sparseOut, Transpose(denseOut, pixels, outChannels), inChannels);
    }

    [Test]
    public void Keeps_only_the_nonzero_weights()
    {
        SparseFilter filter = SparseFilter.FromOhwi([0f, 2f, 0f, 0f, -1f, 3f], outChannels: 2, inChannels: 3);

        Assert.That(filter.RowStarts, Is.EqualTo(new[] { 0, 1, 3 }));
        Assert.That(filter.Channels, Is.EqualTo(new[] { 1, 1, 2 }));
        Assert.That(filter.Values, Is.EqualTo(new[] { 2f, -1f, 3f }));
        Assert.That(filter.Density, Is.EqualTo(0.5).Within(1e-12));
    }

    /// <summary>A [rows x columns] matrix as [columns x rows].</summary>
    internal static float[] Transpose(float[] matrix, int rows, int columns)
    {
        float[] result = new float[matrix.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                result[(c * rows) + r] = matrix[(r * columns) + c];
            }
        }

        return result;
    }

    private static SparseFilter RandomFilter(int outChannels, int inChannels, double density, int seed)
    {
        float[] dense = TestTensors.Random(outChannels * inChannels, seed);
        var random = new Random(seed + 100);
        for (int i = 0; i < dense.Length; i++)
        {
            if (random.NextDouble() >= density)
            {
                dense[i] = 0f;
            }
        }

        return SparseFilter.FromOhwi(dense, outChannels, inChannels);
    }
}
