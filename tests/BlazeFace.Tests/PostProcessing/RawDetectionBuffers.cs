using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Decoding;

namespace BlazeFace.Tests.PostProcessing;

/// <summary>Hand-made network outputs for decoder tests: regressors and logits start at zero.</summary>
internal sealed class RawDetectionBuffers
{
    public RawDetectionBuffers(params Anchor[] anchors)
    {
        Anchors = anchors;
        Regressors = new float[anchors.Length * BlazeFaceAnchorDecoder.ValuesPerAnchor];
        Logits = new float[anchors.Length];
    }

    public Anchor[] Anchors { get; }

    public float[] Regressors { get; }

    public float[] Logits { get; }

    /// <summary>The sixteen regressor values of anchor <paramref name="index"/>.</summary>
    public Span<float> RegressorsOf(int index) =>
        Regressors.AsSpan(index * BlazeFaceAnchorDecoder.ValuesPerAnchor, BlazeFaceAnchorDecoder.ValuesPerAnchor);

    /// <summary>Decodes the buffers on an input of the given size.</summary>
    public int Decode(BlazeFaceAnchorDecoder decoder, float minScore, Span<FaceCandidate> destination, int inputWidth = 128, int inputHeight = 128) =>
        decoder.Decode(Regressors, Logits, Anchors, inputWidth, inputHeight, minScore, destination);
}
