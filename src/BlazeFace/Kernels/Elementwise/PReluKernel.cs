using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Elementwise;

/// <summary>
/// PReLU vectorised over the tensor as one flat run of floats, whatever its channel count: vector i covers floats
/// [i L, i L + L), which start at channel (i L) mod C and may run on into the next pixel. The slopes are packed once
/// as C + L - 1 floats, alpha repeated (packed[k] = alpha[k mod C]), so the slope vector for any starting channel is
/// one contiguous load; the last few floats of the tensor take a scalar tail.
/// </summary>
/// <remarks>
/// No vector is shifted back over floats already written (as the convolutions' last channel vectors are), so the
/// kernel can run in place. Every channel count is handled here, one below a vector included: nothing is handed to
/// a narrower width.
/// </remarks>
internal sealed class PReluKernel<TVector, TArith> : IPReluKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    public float[] Pack(ReadOnlySpan<float> alpha)
    {
        if (alpha.IsEmpty)
        {
            throw new ArgumentException("PReLU needs at least one slope.", nameof(alpha));
        }

        var packed = new float[alpha.Length + TArith.Count - 1];
        for (int k = 0; k < packed.Length; k++)
        {
            packed[k] = alpha[k % alpha.Length];
        }

        return packed;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(ReadOnlySpan<float> input, ReadOnlySpan<float> packedAlpha, int channels, Span<float> output)
    {
        int lanes = TArith.Count;
        PReluArguments.Check(input, packedAlpha.Length, channels, output, minPackedAlpha: channels + lanes - 1);
        ref float x = ref MemoryMarshal.GetReference(input);
        ref float y = ref MemoryMarshal.GetReference(output);
        ref float alpha = ref MemoryMarshal.GetReference(packedAlpha);

        // The channel a vector starts at advances by L mod C per vector; starting below C, it stays below 2C.
        int advance = lanes % channels;
        int channel = 0;
        int i = 0;
        for (; i <= output.Length - lanes; i += lanes)
        {
            TVector value = TArith.Load(ref Unsafe.Add(ref x, i));
            TArith.Store(TArith.PRelu(value, TArith.Load(ref Unsafe.Add(ref alpha, channel))), ref Unsafe.Add(ref y, i));
            channel += advance;
            if (channel >= channels)
            {
                channel -= channels;
            }
        }

        for (; i < output.Length; i++)
        {
            float value = Unsafe.Add(ref x, i);
            Unsafe.Add(ref y, i) = value < 0f ? value * Unsafe.Add(ref alpha, channel) : value;
            if (++channel == channels)
            {
                channel = 0;
            }
        }
    }
}
