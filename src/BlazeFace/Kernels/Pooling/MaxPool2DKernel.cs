using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BlazeFace.Kernels;

/// <summary>
/// Max pooling vectorised over channels. The BlazeBlocks' pools are 2x2 windows on small maps, so one loop with the
/// window clipped per row and per column (rather than per tap) is all the speed they need.
/// </summary>
internal sealed class MaxPool2DKernel<TVector, TArith> : IMaxPool2DKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    private readonly IMaxPool2DKernel _narrower;

    public MaxPool2DKernel(IMaxPool2DKernel narrower)
    {
        _narrower = narrower;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, Span<float> output)
    {
        int channels = geometry.Input.Channels, lanes = TArith.Count;
        if (channels < lanes)
        {
            _narrower.Run(geometry, input, output);
            return;
        }

        ArgumentOutOfRangeException.ThrowIfNotEqual(geometry.Output.Channels, channels, nameof(geometry));
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, geometry.Input.Length, nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(output.Length, geometry.Output.Length, nameof(output));

        ref float source = ref MemoryMarshal.GetReference(input);
        ref float destination = ref MemoryMarshal.GetReference(output);
        int vectors = ChannelVectors.Count(channels, lanes);
        TVector lowest = TArith.Broadcast(float.NegativeInfinity);
        for (int oy = 0; oy < geometry.Output.Height; oy++)
        {
            int iy0 = (oy * geometry.StrideHeight) - geometry.PadTop;
            int kyLow = Math.Max(0, -iy0), kyHigh = Math.Min(geometry.KernelHeight, geometry.Input.Height - iy0);
            for (int ox = 0; ox < geometry.Output.Width; ox++)
            {
                int ix0 = (ox * geometry.StrideWidth) - geometry.PadLeft;
                int kxLow = Math.Max(0, -ix0), kxHigh = Math.Min(geometry.KernelWidth, geometry.Input.Width - ix0);
                ref float pixelOut = ref Unsafe.Add(ref destination, ((oy * geometry.Output.Width) + ox) * channels);
                for (int v = 0; v < vectors; v++)
                {
                    int c = ChannelVectors.Start(v, channels, lanes);
                    TVector max = lowest;
                    for (int ky = kyLow; ky < kyHigh; ky++)
                    {
                        ref float inputRow = ref Unsafe.Add(ref source, (((iy0 + ky) * geometry.Input.Width) + ix0) * channels);
                        for (int kx = kxLow; kx < kxHigh; kx++)
                        {
                            max = TArith.Max(max, TArith.Load(ref Unsafe.Add(ref inputRow, (kx * channels) + c)));
                        }
                    }

                    TArith.Store(max, ref Unsafe.Add(ref pixelOut, c));
                }
            }
        }
    }
}
