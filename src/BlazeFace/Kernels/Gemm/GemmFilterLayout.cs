using BlazeFace.Kernels.Simd;

namespace BlazeFace.Kernels.Gemm;

/// <summary>
/// How a GEMM kernel of <see cref="VectorLanes"/>-float vectors lays out an (out x k) filter: output channels are cut into
/// vectors, vectors are grouped into column blocks of at most four, and each block is stored k-major as
/// [k][block vectors x lanes], so one k-step of a micro-kernel reads its weights as consecutive vector loads.
/// </summary>
/// <remarks>
/// <para>
/// When out is not a multiple of the lane count, the last vector is shifted back to cover channels [out - lanes, out):
/// it recomputes a few channels of the vector before it, bit-identically, but every load of bias and every store of
/// output stays a whole, in-bounds vector. When out is below one vector (<see cref="IsNarrow"/>) the single vector is
/// zero-padded and its stores run into the next pixel, which is written after it.
/// </para>
/// <para>
/// With <see cref="PairsDepth"/> (at most half a vector of outputs and an even depth) one vector holds two k-steps:
/// lane 2j + i is output j at k-step 2s + i. A micro-kernel step then broadcasts two adjacent input values at once and
/// one FMA does the work of two, so an 8-channel output fills a 16-lane vector instead of wasting half of it; the
/// epilogue adds each lane pair.
/// </para>
/// </remarks>
internal readonly record struct GemmFilterLayout
{
    /// <summary>
    /// Most vectors per column block: 4 (4 columns x 6 rows = 24 accumulators) with 32 vector registers, 2 (2 x 6 = 12)
    /// with 16, leaving room for the block's weights and the broadcast input either way.
    /// </summary>
    public static int MaxBlockVectors => VectorRegisters.Many ? 4 : 2;

    /// <param name="outChannels">Output channels (rows of the filter).</param>
    /// <param name="depth">Reduction length (columns of the filter).</param>
    /// <param name="vectorLanes">Floats per vector of the kernel.</param>
    /// <param name="allowPairs">Whether the kernel reads its reduction in adjacent pairs (not across segments).</param>
    public GemmFilterLayout(int outChannels, int depth, int vectorLanes, bool allowPairs)
    {
        OutChannels = outChannels;
        Depth = depth;
        VectorLanes = vectorLanes;
        PairsDepth = allowPairs && CanPair(outChannels, depth, vectorLanes);
    }

    public int OutChannels { get; }

    public int Depth { get; }

    public int VectorLanes { get; }

    /// <summary>Each vector holds two k-steps of at most half a vector of outputs.</summary>
    public bool PairsDepth { get; }

    public bool IsNarrow => OutChannels < VectorLanes;

    public int VectorCount => (OutChannels + VectorLanes - 1) / VectorLanes;

    /// <summary>Vector-sized weight rows per column: the depth, or half of it when pairs share a vector.</summary>
    public int Steps => PairsDepth ? Depth / 2 : Depth;

    public int PackedLength => checked(VectorCount * VectorLanes * Steps);

    /// <summary>Blocks split the vectors evenly (5 → 3 + 2, 6 → 3 + 3) so no block is a lone, poorly used column.</summary>
    public int BlockCount => (VectorCount + MaxBlockVectors - 1) / MaxBlockVectors;

    /// <summary>Whether two k-steps fit one vector: at most half a vector of outputs, and whole pairs of depth.</summary>
    public static bool CanPair(int outChannels, int depth, int vectorLanes) => outChannels <= vectorLanes / 2 && depth % 2 == 0;

    public int BlockFirstVector(int block)
    {
        int size = VectorCount / BlockCount, extra = VectorCount % BlockCount;
        return (block * size) + Math.Min(block, extra);
    }

    public int BlockVectors(int block) => BlockFirstVector(block + 1) - BlockFirstVector(block);

    /// <summary>The first output channel of vector <paramref name="vector"/>.</summary>
    public int ColumnStart(int vector) => IsNarrow ? 0 : Math.Min(vector * VectorLanes, OutChannels - VectorLanes);

    /// <summary>Re-lays a row-major (out x k) filter, which is what TFLite's OHWI is for any kernel size.</summary>
    public float[] Pack(ReadOnlySpan<float> filterRows)
    {
        if (filterRows.Length != OutChannels * Depth)
        {
            throw new ArgumentException($"A {OutChannels}x{Depth} filter has {OutChannels * Depth} values, not {filterRows.Length}.", nameof(filterRows));
        }

        var packed = new float[PackedLength];
        if (PairsDepth)
        {
            for (int j = 0; j < OutChannels; j++)
            {
                for (int k = 0; k < Depth; k++)
                {
                    packed[((k / 2) * VectorLanes) + (2 * j) + (k % 2)] = filterRows[(j * Depth) + k];
                }
            }

            return packed;
        }

        for (int block = 0; block < BlockCount; block++)
        {
            int first = BlockFirstVector(block), vectors = BlockVectors(block), width = vectors * VectorLanes;
            Span<float> destination = packed.AsSpan(first * VectorLanes * Depth, width * Depth);
            for (int v = 0; v < vectors; v++)
            {
                int start = ColumnStart(first + v);
                int lanes = Math.Min(VectorLanes, OutChannels - start);
                for (int lane = 0; lane < lanes; lane++)
                {
                    ReadOnlySpan<float> row = filterRows.Slice((start + lane) * Depth, Depth);
                    for (int k = 0; k < Depth; k++)
                    {
                        destination[(k * width) + (v * VectorLanes) + lane] = row[k];
                    }
                }
            }
        }

        return packed;
    }
}
