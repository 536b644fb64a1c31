namespace BlazeFace.Kernels.Sparse;

/// <summary>
/// A 1x1 convolution's filter with its zeros left out, row by output channel (compressed sparse rows): for output
/// channel o, the nonzero weights <c>Values[RowStarts[o] .. RowStarts[o + 1]]</c> of input channels
/// <c>Channels[…]</c>, ascending. Built once from the dense weights and shared read-only.
/// </summary>
internal sealed class SparseFilter
{
    private SparseFilter(int outChannels, int inChannels, int[] rowStarts, int[] channels, float[] values)
    {
        OutChannels = outChannels;
        InChannels = inChannels;
        RowStarts = rowStarts;
        Channels = channels;
        Values = values;
    }

    public int OutChannels { get; }

    public int InChannels { get; }

    /// <summary>Where each output channel's weights start in <see cref="Channels"/> and <see cref="Values"/>; one more entry than there are output channels.</summary>
    public int[] RowStarts { get; }

    /// <summary>The input channel of each stored weight.</summary>
    public int[] Channels { get; }

    /// <summary>The stored (nonzero) weights.</summary>
    public float[] Values { get; }

    public int NonZeros => Values.Length;

    /// <summary>Whether every weight is stored: then <see cref="Values"/> is the dense O x I matrix, row by output channel.</summary>
    public bool IsDense => NonZeros == OutChannels * InChannels;

    /// <summary>Stored weights over all weights.</summary>
    public double Density => (double)NonZeros / ((long)OutChannels * InChannels);

    /// <summary>The nonzero weights of an O x 1 x 1 x I (TFLite OHWI) filter.</summary>
    public static SparseFilter FromOhwi(ReadOnlySpan<float> filterOhwi, int outChannels, int inChannels)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(filterOhwi.Length, outChannels * inChannels, nameof(filterOhwi));
        int[] rowStarts = new int[outChannels + 1];
        var channels = new List<int>();
        var values = new List<float>();
        for (int o = 0; o < outChannels; o++)
        {
            for (int i = 0; i < inChannels; i++)
            {
                float w = filterOhwi[(o * inChannels) + i];
                if (w != 0f)
                {
                    channels.Add(i);
                    values.Add(w);
                }
            }

            rowStarts[o + 1] = values.Count;
        }

        return new SparseFilter(outChannels, inChannels, rowStarts, [.. channels], [.. values]);
    }
}
