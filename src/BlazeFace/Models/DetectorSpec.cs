using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Anchors;

namespace BlazeFace.Models;

/// <summary>
/// What a face detector's outputs mean: its anchor layout (MediaPipe's <c>SsdAnchorsCalculatorOptions</c> for it) and
/// MediaPipe's score and suppression thresholds. Every BlazeFace model has square, fixed-size anchors, one aspect
/// ratio, and outputs of 16 regressor values and one score logit per anchor.
/// </summary>
internal sealed class DetectorSpec
{
    /// <summary>Feature-map strides, one per anchor layer (consecutive equal strides share a feature map).</summary>
    public required int[] Strides { get; init; }

    /// <summary>Smallest anchor scale (unused with fixed-size anchors, kept as MediaPipe lists it).</summary>
    public required float MinScale { get; init; }

    /// <summary>Largest anchor scale.</summary>
    public required float MaxScale { get; init; }

    /// <summary>1 adds an interpolated anchor per cell and layer, 0 does not (MediaPipe's <c>interpolated_scale_aspect_ratio</c>).</summary>
    public required float InterpolatedScaleAspectRatio { get; init; }

    /// <summary>MediaPipe's <c>min_score_thresh</c>.</summary>
    public required float MinScore { get; init; }

    /// <summary>MediaPipe's <c>min_suppression_threshold</c>.</summary>
    public required float IouThreshold { get; init; }

    /// <summary>The anchors for an input of <paramref name="inputSize"/> pixels square, in the network's output order.</summary>
    public Anchor[] GenerateAnchors(int inputSize) => SsdAnchorGenerator.Generate(new SsdAnchorOptions
    {
        NumLayers = Strides.Length,
        MinScale = MinScale,
        MaxScale = MaxScale,
        InputWidth = inputSize,
        InputHeight = inputSize,
        Strides = Strides,
        AspectRatios = [1.0f],
        InterpolatedScaleAspectRatio = InterpolatedScaleAspectRatio,
        FixedAnchorSize = true,
    });
}
