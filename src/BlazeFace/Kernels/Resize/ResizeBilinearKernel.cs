using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Resize;

/// <summary>
/// Bilinear resize vectorised over channels, with the coordinate rules of <see cref="ScalarResizeBilinearKernel"/>
/// (the neighbours and weights per output row and column are computed by the same functions).
/// </summary>
internal sealed class ResizeBilinearKernel<TVector, TArith> : IResizeBilinearKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    /// <summary>Widest output whose column tables live on the stack (3 KB); wider ones are allocated.</summary>
    private const int MaxTableColumns = 256;

    private readonly IResizeBilinearKernel _narrower;

    public ResizeBilinearKernel(IResizeBilinearKernel narrower)
    {
        _narrower = narrower;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(TensorShape inputShape, TensorShape outputShape, bool alignCorners, bool halfPixelCenters, ReadOnlySpan<float> input, Span<float> output)
    {
        int channels = inputShape.Channels, lanes = TArith.Count;
        if (channels < lanes)
        {
            _narrower.Run(inputShape, outputShape, alignCorners, halfPixelCenters, input, output);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfNotEqual(outputShape.Channels, channels, nameof(outputShape));
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, inputShape.Length, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, outputShape.Length, nameof(output));

        ref float source = ref MemoryMarshal.GetReference(input);
        ref float destination = ref MemoryMarshal.GetReference(output);
        int vectors = ChannelVectors.Count(channels, lanes);
        int inRow = inputShape.Width * channels;
        float scaleY = ScalarResizeBilinearKernel.Scale(inputShape.Height, outputShape.Height, alignCorners);
        float scaleX = ScalarResizeBilinearKernel.Scale(inputShape.Width, outputShape.Width, alignCorners);

        // Every output row has the same columns: their neighbours and weights are worked out once, not once per row.
        int outWidth = outputShape.Width;
        Span<int> lefts = outWidth <= MaxTableColumns ? stackalloc int[outWidth] : new int[outWidth];
        Span<int> rights = outWidth <= MaxTableColumns ? stackalloc int[outWidth] : new int[outWidth];
        Span<float> fractions = outWidth <= MaxTableColumns ? stackalloc float[outWidth] : new float[outWidth];
        for (int x = 0; x < outWidth; x++)
        {
            var (x0, x1, fx) = ScalarResizeBilinearKernel.Interpolation(x, scaleX, inputShape.Width, halfPixelCenters);
            (lefts[x], rights[x], fractions[x]) = (x0 * channels, x1 * channels, fx);
        }

        ref float pixelOut = ref destination;
        for (int y = 0; y < outputShape.Height; y++)
        {
            var (y0, y1, fy) = ScalarResizeBilinearKernel.Interpolation(y, scaleY, inputShape.Height, halfPixelCenters);
            ref float top = ref Unsafe.Add(ref source, y0 * inRow);
            ref float bottom = ref Unsafe.Add(ref source, y1 * inRow);
            TVector wy1 = TArith.Broadcast(fy), wy0 = TArith.Broadcast(1 - fy);
            for (int x = 0; x < outWidth; x++)
            {
                float fx = fractions[x];
                TVector wx1 = TArith.Broadcast(fx), wx0 = TArith.Broadcast(1 - fx);
                int left = lefts[x], right = rights[x];
                for (int v = 0; v < vectors; v++)
                {
                    int c = ChannelVectors.Start(v, channels, lanes);
                    TVector upper = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref top, right + c)), wx1, TArith.Multiply(TArith.Load(ref Unsafe.Add(ref top, left + c)), wx0));
                    TVector lower = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref bottom, right + c)), wx1, TArith.Multiply(TArith.Load(ref Unsafe.Add(ref bottom, left + c)), wx0));
                    TArith.Store(TArith.MultiplyAdd(lower, wy1, TArith.Multiply(upper, wy0)), ref Unsafe.Add(ref pixelOut, c));
                }

                pixelOut = ref Unsafe.Add(ref pixelOut, channels);
            }
        }
    }
}
