namespace BlazeFace.PostProcessing.Anchors;

/// <summary>
/// How to lay out SSD anchors over a model's feature maps, with the meaning of MediaPipe's
/// <c>SsdAnchorsCalculatorOptions</c>; <see cref="SsdAnchorGenerator"/> turns it into anchors.
/// </summary>
/// <remarks>
/// Only the stride-based layout is supported: MediaPipe's explicit feature-map sizes and its multiscale
/// (RetinaNet-style) generation are not needed by either BlazeFace model and are left out.
/// </remarks>
internal sealed class SsdAnchorOptions
{
    /// <summary>Number of output layers anchors are generated for; must equal the number of <see cref="Strides"/>.</summary>
    public required int NumLayers { get; init; }

    /// <summary>Anchor scale of the first layer, relative to the input size.</summary>
    public required float MinScale { get; init; }

    /// <summary>Anchor scale of the last layer, relative to the input size.</summary>
    public required float MaxScale { get; init; }

    /// <summary>Width of the model input in pixels.</summary>
    public required int InputWidth { get; init; }

    /// <summary>Height of the model input in pixels.</summary>
    public required int InputHeight { get; init; }

    /// <summary>Horizontal offset of an anchor's centre within its cell, in cells (0.5 is the cell's centre).</summary>
    public float AnchorOffsetX { get; init; } = 0.5f;

    /// <summary>Vertical offset of an anchor's centre within its cell, in cells (0.5 is the cell's centre).</summary>
    public float AnchorOffsetY { get; init; } = 0.5f;

    /// <summary>
    /// Stride of each layer in input pixels; a layer's feature map is <c>ceil(input / stride)</c> cells on each side.
    /// Consecutive layers with the same stride share one feature map.
    /// </summary>
    public required IReadOnlyList<int> Strides { get; init; }

    /// <summary>Aspect ratios (width / height) of the anchors each layer places in every cell.</summary>
    public IReadOnlyList<float> AspectRatios { get; init; } = [];

    /// <summary>
    /// Aspect ratio of one extra anchor per layer whose scale is the geometric mean of this layer's scale and the
    /// next one's (1 after the last layer); 0 leaves the extra anchor out.
    /// </summary>
    public float InterpolatedScaleAspectRatio { get; init; } = 1.0f;

    /// <summary>
    /// Whether the first layer uses MediaPipe's three predefined anchors (scale 0.1 at ratio 1, then the layer's
    /// scale at ratios 2 and 0.5) instead of <see cref="AspectRatios"/>.
    /// </summary>
    public bool ReduceBoxesInLowestLayer { get; init; }

    /// <summary>
    /// Whether every anchor has width and height 1, as BlazeFace's are: its regressors predict sizes in input
    /// pixels rather than relative to an anchor box.
    /// </summary>
    public bool FixedAnchorSize { get; init; }

    /// <summary>Checks the options, naming the offending property in the exception.</summary>
    /// <exception cref="ArgumentException">A property is missing, out of range or inconsistent with another.</exception>
    internal void Validate()
    {
        if (NumLayers <= 0)
        {
            throw new ArgumentException($"NumLayers must be positive, got {NumLayers}.", nameof(NumLayers));
        }

        if (Strides is null || Strides.Count == 0)
        {
            throw new ArgumentException("At least one stride is needed.", nameof(Strides));
        }

        if (Strides.Count != NumLayers)
        {
            throw new ArgumentException($"Expected one stride per layer ({NumLayers}), got {Strides.Count}.", nameof(Strides));
        }

        foreach (int stride in Strides)
        {
            if (stride <= 0)
            {
                throw new ArgumentException($"Strides must be positive, got {stride}.", nameof(Strides));
            }
        }

        if (InputWidth <= 0)
        {
            throw new ArgumentException($"InputWidth must be positive, got {InputWidth}.", nameof(InputWidth));
        }

        if (InputHeight <= 0)
        {
            throw new ArgumentException($"InputHeight must be positive, got {InputHeight}.", nameof(InputHeight));
        }

        RequirePositiveFinite(MinScale, nameof(MinScale));
        RequirePositiveFinite(MaxScale, nameof(MaxScale));

        if (!float.IsFinite(AnchorOffsetX))
        {
            throw new ArgumentException("AnchorOffsetX must be finite.", nameof(AnchorOffsetX));
        }

        if (!float.IsFinite(AnchorOffsetY))
        {
            throw new ArgumentException("AnchorOffsetY must be finite.", nameof(AnchorOffsetY));
        }

        if (AspectRatios is null)
        {
            throw new ArgumentException("AspectRatios must not be null; use an empty list for none.", nameof(AspectRatios));
        }

        foreach (float ratio in AspectRatios)
        {
            RequirePositiveFinite(ratio, nameof(AspectRatios));
        }

        // MediaPipe skips the interpolated anchor for any value <= 0; only 0 is accepted as "off" here so that a
        // negative ratio, which is meaningless, is caught rather than silently ignored.
        if (!float.IsFinite(InterpolatedScaleAspectRatio) || InterpolatedScaleAspectRatio < 0)
        {
            throw new ArgumentException(
                $"InterpolatedScaleAspectRatio must be 0 (no interpolated anchor) or positive, got {InterpolatedScaleAspectRatio}.",
                nameof(InterpolatedScaleAspectRatio));
        }

        if (AspectRatios.Count == 0 && InterpolatedScaleAspectRatio == 0)
        {
            throw new ArgumentException(
                "With no aspect ratios and no interpolated anchor, cells would have no anchors.", nameof(AspectRatios));
        }
    }

    private static void RequirePositiveFinite(float value, string propertyName)
    {
        if (!float.IsFinite(value) || value <= 0)
        {
            throw new ArgumentException($"{propertyName} must be positive and finite, got {value}.", propertyName);
        }
    }
}
