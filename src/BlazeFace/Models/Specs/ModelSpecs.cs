namespace BlazeFace.Models.Specs;

/// <summary>The specs of the models the library bundles, one file each.</summary>
internal static partial class ModelSpecs
{
    /// <summary>What every face detector's outputs are called when exported: as TensorFlow Lite names the short-range model's.</summary>
    private static string[] DetectorOutputNames => ["regressors", "classificators"];

    private static string DetectorDescription =>
        "Input NHWC RGB scaled to [-1, 1]. Outputs 'regressors' [1, anchors, 16] (box centre x, y, width, height and six keypoints x, y, in input pixels relative to each anchor) and 'classificators' [1, anchors, 1] (score logits), in TFLite's anchor order.";
}
