using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Resize;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Chw;

/// <summary>
/// The CHW bilinear resize: each input row a window needs is interpolated across once (into a scratch row of the
/// output's width), then each output row is a vectorised blend of two such rows.
/// </summary>
/// <remarks>Output rows narrower than one vector go to <c>narrower</c>; the last vector of a row overlaps the one before.</remarks>
internal sealed class ChwResizeBilinearKernel<TVector, TArith> : IChwResizeBilinearKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    private const int MaxScratchRow = 2048;

    private readonly IChwResizeBilinearKernel _narrower;

    public ChwResizeBilinearKernel(IChwResizeBilinearKernel narrower)
    {
        _narrower = narrower;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(TensorShape inputShape, TensorShape outputShape, bool alignCorners, bool halfPixelCenters, ReadOnlySpan<float> input, Span<float> output)
    {
        int outWidth = outputShape.Width;
        if (outWidth < TArith.Count || outWidth > MaxScratchRow)
        {
            _narrower.Run(inputShape, outputShape, alignCorners, halfPixelCenters, input, output);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, inputShape.Length, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, outputShape.Length, nameof(output));
        float scaleY = ScalarResizeBilinearKernel.Scale(inputShape.Height, outputShape.Height, alignCorners);
        float scaleX = ScalarResizeBilinearKernel.Scale(inputShape.Width, outWidth, alignCorners);

        // The horizontal taps are the same for every row and channel.
        Span<int> x0 = stackalloc int[outWidth];
        Span<int> x1 = stackalloc int[outWidth];
        Span<float> fx = stackalloc float[outWidth];
        for (int x = 0; x < outWidth; x++)
        {
            (x0[x], x1[x], fx[x]) = ScalarResizeBilinearKernel.Interpolation(x, scaleX, inputShape.Width, halfPixelCenters);
        }

        // So are the vertical ones for every channel.
        int outHeight = outputShape.Height;
        Span<int> y0 = stackalloc int[outHeight];
        Span<int> y1 = stackalloc int[outHeight];
        Span<float> fy = stackalloc float[outHeight];
        for (int y = 0; y < outHeight; y++)
        {
            (y0[y], y1[y], fy[y]) = ScalarResizeBilinearKernel.Interpolation(y, scaleY, inputShape.Height, halfPixelCenters);
        }

        Span<float> rows = stackalloc float[2 * outWidth];
        Span<int> rowOf = stackalloc int[2];
        int inPlane = inputShape.Height * inputShape.Width, outPlane = outHeight * outWidth;
        ref float outputRef = ref MemoryMarshal.GetReference(output);
        for (int c = 0; c < inputShape.Channels; c++)
        {
            ReadOnlySpan<float> plane = input.Slice(c * inPlane, inPlane);
            rowOf.Fill(-1);
            for (int y = 0; y < outHeight; y++)
            {
                ref float top = ref Across(plane, inputShape.Width, y0[y], x0, x1, fx, rows, rowOf);
                ref float bottom = ref Across(plane, inputShape.Width, y1[y], x0, x1, fx, rows, rowOf);
                TVector upper = TArith.Broadcast(1 - fy[y]), lower = TArith.Broadcast(fy[y]);
                ref float destination = ref Unsafe.Add(ref outputRef, (c * outPlane) + (y * outWidth));
                for (int start = 0; start < outWidth; start += TArith.Count)
                {
                    int x = Math.Min(start, outWidth - TArith.Count);
                    TVector blend = TArith.MultiplyAdd(TArith.Load(ref Unsafe.Add(ref bottom, x)), lower, TArith.Multiply(TArith.Load(ref Unsafe.Add(ref top, x)), upper));
                    TArith.Store(blend, ref Unsafe.Add(ref destination, x));
                }
            }
        }
    }

    /// <summary>Input row <paramref name="row"/> interpolated across to the output's width, in one of two cached rows.</summary>
    private static ref float Across(ReadOnlySpan<float> plane, int inWidth, int row, ReadOnlySpan<int> x0, ReadOnlySpan<int> x1, ReadOnlySpan<float> fx, Span<float> rows, Span<int> rowOf)
    {
        int width = x0.Length;
        int slot = rowOf[0] == row ? 0 : rowOf[1] == row ? 1 : -1;
        if (slot < 0)
        {
            // Rows come in ascending order: the older cached row is the one to replace.
            slot = rowOf[0] < rowOf[1] ? 0 : 1;
            rowOf[slot] = row;
            // The taps were checked against the row's width when they were made; walk without bounds checks.
            ref float source = ref MemoryMarshal.GetReference(plane.Slice(row * inWidth, inWidth));
            ref float target = ref rows[slot * width];
            ref int left = ref MemoryMarshal.GetReference(x0);
            ref int right = ref MemoryMarshal.GetReference(x1);
            ref float weight = ref MemoryMarshal.GetReference(fx);
            for (int x = 0; x < width; x++)
            {
                float f = Unsafe.Add(ref weight, x);
                Unsafe.Add(ref target, x) = (Unsafe.Add(ref source, Unsafe.Add(ref left, x)) * (1 - f)) + (Unsafe.Add(ref source, Unsafe.Add(ref right, x)) * f);
            }
        }

        return ref rows[slot * width];
    }
}
