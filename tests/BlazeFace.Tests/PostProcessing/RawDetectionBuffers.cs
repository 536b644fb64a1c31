using BlazeFace.PostProcessing;

namespace BlazeFace.Tests.PostProcessing;

/// <summary>Hand-made network outputs for decoder tests: regressors and logits start at zero.</summary>
internal sealed class RawDetectionBuffers
{
    public RawDetectionBuffers(params Anchor[] anchors)
    {
        Anchors = anchors;
        Regressors = new float[anchors.Length * RawDetections.ValuesPerAnchor];
        Logits = new float[anchors.Length];
    }

    public Anchor[] Anchors { get; }

    public float[] Regressors { get; }

    public float[] Logits { get; }

    /// <summary>The sixteen regressor values of anchor <paramref name="index"/>.</summary>
    public Span<float> RegressorsOf(int index) =>
        Regressors.AsSpan(index * RawDetections.ValuesPerAnchor, RawDetections.ValuesPerAnchor);

    public RawDetections View(int inputWidth = 128, int inputHeight = 128) =>
        new(Regressors, Logits, Anchors, inputWidth, inputHeight);
}
