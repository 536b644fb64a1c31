using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BlazeFace.Kernels.Gemm;
using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Convolution;

/// <summary>
/// General 2-D convolution (the networks' stems: 5x5 and 3x3, stride 2, 3 input channels) run on the GEMM
/// micro-kernels by reading the image in place: a tile of consecutive output pixels of one row reduces over the K
/// window rows, each K x C contiguous floats of an image row, and consecutive pixels' windows are stride x C floats
/// apart (see <see cref="GemmInput"/>). The filter is packed exactly like a 1x1 convolution's with depth K x K x C.
/// </summary>
/// <remarks>
/// Padding is handled by copying the K image rows one output row needs into a small stack band, zero-extended on
/// both sides and zero where a window row leaves the image, so every pixel of the row takes the same unchecked path
/// with no per-tap or per-pixel border case. For the stems that is K rows of (width + padding) x 3 floats, about 8 KB,
/// copied per output row: a few percent of the convolution's work. Output rows too wide for the band are done in
/// column chunks.
/// </remarks>
internal sealed class Conv2DKernel<TVector, TArith> : IConv2DKernel
    where TVector : struct
    where TArith : struct, IVectorArithmetic<TVector>
{
    /// <summary>Floats of the stack band (32 KB).</summary>
    private const int BandFloats = 8192;

    private readonly IConv2DKernel? _narrower;

    public Conv2DKernel(IConv2DKernel? narrower)
    {
        _narrower = narrower;
    }

    public float[] Pack(ReadOnlySpan<float> filterOhwi, int outChannels, int kernelHeight, int kernelWidth, int inChannels) =>
        Narrower(outChannels) is { } narrower
            ? narrower.Pack(filterOhwi, outChannels, kernelHeight, kernelWidth, inChannels)
            : new GemmFilterLayout(outChannels, kernelHeight * kernelWidth * inChannels, TArith.Count, allowPairs: false).Pack(filterOhwi);

    public void Run(in Conv2DGeometry geometry, ReadOnlySpan<float> input, ReadOnlySpan<float> packedFilter, ReadOnlySpan<float> bias, Span<float> output, in ConvolutionEpilogue epilogue)
    {
        int outChannels = geometry.Output.Channels;
        if (Narrower(outChannels) is { } narrower)
        {
            narrower.Run(geometry, input, packedFilter, bias, output, epilogue);
            return;
        }

        int kh = geometry.KernelHeight, kw = geometry.KernelWidth, inC = geometry.Input.Channels, stride = geometry.StrideWidth;
        var layout = new GemmFilterLayout(outChannels, kh * kw * inC, TArith.Count, allowPairs: false);
        GemmArguments.Check(layout, packedFilter, bias, output.Length, geometry.Output.Pixels, epilogue);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Length, geometry.Input.Length, nameof(input));

        // Output columns per chunk: as many as the band holds (all of them for the stems).
        int columnsPerChunk = Math.Min(geometry.Output.Width, (((BandFloats / (kh * inC)) - kw) / stride) + 1);
        if (columnsPerChunk < 1)
        {
            throw new NotSupportedException($"A {kh}x{kw}x{inC} window does not fit the {BandFloats}-float band of the direct convolution.");
        }

        int bandRowFloats = (((columnsPerChunk - 1) * stride) + kw) * inC;

        // One vector of slack: band rows are written a whole vector at a time, running over into what is written next.
        Span<float> band = stackalloc float[(kh * bandRowFloats) + TArith.Count];
        Span<float> narrowScratch = stackalloc float[GemmArguments.NarrowScratchVectors * TArith.Count];
        var destination = GemmArguments.Destination(layout, bias, narrowScratch, output, epilogue);
        var reduction = new GemmInput(kh, kw * inC, bandRowFloats);
        ref float filter = ref MemoryMarshal.GetReference(packedFilter);
        for (int oy = 0; oy < geometry.Output.Height; oy++)
        {
            for (int ox = 0; ox < geometry.Output.Width; ox += columnsPerChunk)
            {
                int columns = Math.Min(columnsPerChunk, geometry.Output.Width - ox);
                FillBand(geometry, input, band, bandRowFloats, oy, ox, columns);
                GemmKernel<TVector, TArith>.Run(columns, reduction, ref MemoryMarshal.GetReference(band), stride * inC, layout, ref filter, ref destination, (oy * geometry.Output.Width) + ox);
            }
        }
    }

    /// <summary>
    /// Copies the image rows under output row <paramref name="oy"/>, columns [<paramref name="ox"/>, + <paramref name="columns"/>),
    /// into the band, with zeros wherever the windows leave the image.
    /// </summary>
    private static void FillBand(in Conv2DGeometry g, ReadOnlySpan<float> input, Span<float> band, int bandRowFloats, int oy, int ox, int columns)
    {
        int inC = g.Input.Channels, inRowFloats = g.Input.Width * inC;
        int ixFirst = (ox * g.StrideWidth) - g.PadLeft;
        int ixEnd = ixFirst + ((columns - 1) * g.StrideWidth) + g.KernelWidth;
        int zerosBefore = Math.Clamp(-ixFirst, 0, ixEnd - ixFirst) * inC;
        int copyFirst = Math.Max(ixFirst, 0), copyEnd = Math.Min(ixEnd, g.Input.Width);
        int copyFloats = Math.Max(copyEnd - copyFirst, 0) * inC;
        int zerosAfter = bandRowFloats - zerosBefore - copyFloats;

        ref float source = ref MemoryMarshal.GetReference(input);
        ref float row = ref MemoryMarshal.GetReference(band);
        for (int ky = 0; ky < g.KernelHeight; ky++)
        {
            int iy = (oy * g.StrideHeight) - g.PadTop + ky;
            if ((uint)iy >= (uint)g.Input.Height)
            {
                ZeroForward(ref row, bandRowFloats);
            }
            else
            {
                int offset = (iy * inRowFloats) + (copyFirst * inC);
                ZeroForward(ref row, zerosBefore);
                CopyForward(ref Unsafe.Add(ref source, offset), ref Unsafe.Add(ref row, zerosBefore), copyFloats, canOverRead: offset + copyFloats + TArith.Count <= input.Length);
                ZeroForward(ref Unsafe.Add(ref row, zerosBefore + copyFloats), zerosAfter);
            }

            row = ref Unsafe.Add(ref row, bandRowFloats);
        }
    }

    /// <summary>Zeroes <paramref name="count"/> floats a whole vector at a time, possibly running over the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ZeroForward(ref float destination, int count)
    {
        for (int i = 0; i < count; i += TArith.Count)
        {
            TArith.Store(TArith.Zero, ref Unsafe.Add(ref destination, i));
        }
    }

    /// <summary>Copies <paramref name="count"/> floats a whole vector at a time, possibly running over the end of the destination.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyForward(ref float source, ref float destination, int count, bool canOverRead)
    {
        if (canOverRead)
        {
            for (int i = 0; i < count; i += TArith.Count)
            {
                TArith.Store(TArith.Load(ref Unsafe.Add(ref source, i)), ref Unsafe.Add(ref destination, i));
            }
        }
        else
        {
            for (int i = 0; i < count; i++)
            {
                Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private IConv2DKernel? Narrower(int outChannels) => outChannels < TArith.Count ? _narrower : null;
}
