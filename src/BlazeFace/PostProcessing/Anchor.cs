namespace BlazeFace.PostProcessing;

/// <summary>One SSD anchor: a prior box the network's regressors are relative to, normalised to the model input.</summary>
/// <param name="CenterX">Horizontal centre in [0, 1].</param>
/// <param name="CenterY">Vertical centre in [0, 1].</param>
/// <param name="Width">Width relative to the input width (1 for BlazeFace's fixed-size anchors).</param>
/// <param name="Height">Height relative to the input height (1 for BlazeFace's fixed-size anchors).</param>
public readonly record struct Anchor(float CenterX, float CenterY, float Width, float Height);
