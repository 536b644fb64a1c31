using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;

namespace BlazeFace.Tests.Kernels;

/// <summary>Seeded random tensors and a comparison whose tolerance grows with the length of each reduction.</summary>
internal static class TestTensors
{
    public static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return values;
    }

    /// <summary>
    /// Asserts |actual - expected| &lt;= 1e-5 * sqrt(reductionLength) * (1 + |expected|) + 1e-6 everywhere: the
    /// vector kernels sum in another order (and with fused multiply-adds), so they agree with the scalar loops to
    /// rounding, which grows with the number of terms.
    /// </summary>
    public static void AssertClose(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, int reductionLength)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length), "length");
        double scale = 1e-5 * Math.Sqrt(Math.Max(reductionLength, 1));
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = (scale * (1 + Math.Abs(expected[i]))) + 1e-6;
            if (!(Math.Abs(actual[i] - expected[i]) <= tolerance))
            {
                Assert.Fail($"Value {i} is {actual[i]:R}; the scalar kernel gives {expected[i]:R} (tolerance {tolerance:E1}).");
            }
        }
    }

    /// <summary>TensorFlow's geometry for a square window: 'same' pads so the output is ceil(in / stride), smaller half first.</summary>
    public static Conv2DGeometry Geometry(TensorShape input, int outChannels, int kernel, int stride, bool same)
    {
        var (outHeight, padTop) = Axis(input.Height, kernel, stride, same);
        var (outWidth, padLeft) = Axis(input.Width, kernel, stride, same);
        return new Conv2DGeometry(input, new TensorShape(outHeight, outWidth, outChannels), kernel, kernel, stride, stride, padTop, padLeft);
    }

    private static (int Size, int PadBefore) Axis(int size, int kernel, int stride, bool same)
    {
        if (!same)
        {
            return (((size - kernel) / stride) + 1, 0);
        }

        int output = (size + stride - 1) / stride;
        return (output, Math.Max(((output - 1) * stride) + kernel - size, 0) / 2);
    }
}
