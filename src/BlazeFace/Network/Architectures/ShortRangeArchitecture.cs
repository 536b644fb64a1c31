using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Architectures;

/// <summary>
/// The short-range (front camera) BlazeFace of face_detection_front.tflite: a 5x5 stem and eleven single
/// BlazeBlocks to 16x16x88, five more to 8x8x96, and heads on both maps (2 and 6 anchors per cell: 896 anchors).
/// </summary>
internal static class ShortRangeArchitecture
{
    public static CompiledNetwork Build(NetworkBuilder b)
    {
        Layer x = b.Input("input", height: 128, width: 128, channels: 3);                            // 128x128x3
        x = b.ConvRelu(x, filters: 24, kernelSize: 5, stride: 2); // 64x64x24
        x = b.BlazeBlock(x, 24);
        x = b.BlazeBlock(x, 28);
        x = b.BlazeBlock(x, 32, stride: 2);              // 32x32x32
        x = b.BlazeBlock(x, 36);
        x = b.BlazeBlock(x, 42);
        x = b.BlazeBlock(x, 48, stride: 2);              // 16x16x48
        x = b.BlazeBlock(x, 56);
        x = b.BlazeBlock(x, 64);
        x = b.BlazeBlock(x, 72);
        x = b.BlazeBlock(x, 80);
        Layer features16 = b.BlazeBlock(x, 88);          // 16x16x88
        x = b.BlazeBlock(features16, 96, stride: 2);     // 8x8x96
        x = b.BlazeBlock(x, 96);
        x = b.BlazeBlock(x, 96);
        x = b.BlazeBlock(x, 96);
        Layer features8 = b.BlazeBlock(x, 96);           // 8x8x96

        // Head order follows the original model so Keras's automatic names (reshape, reshape_1, …) line up.
        Layer scores16 = b.Head("classificator_8", null, features16, anchorsPerCell: 2, valuesPerAnchor: 1);   // 512x1
        Layer boxes16 = b.Head("regressor_8", null, features16, anchorsPerCell: 2, valuesPerAnchor: 16);      // 512x16
        Layer scores8 = b.Head("classificator_16", null, features8, anchorsPerCell: 6, valuesPerAnchor: 1);   // 384x1
        Layer boxes8 = b.Head("regressor_16", null, features8, anchorsPerCell: 6, valuesPerAnchor: 16);       // 384x16
        var classificators = b.Add(new Concatenate("classificators", [scores16, scores8]));  // 896x1
        var regressors = b.Add(new Concatenate("regressors", [boxes16, boxes8]));            // 896x16
        return b.Build(regressors, classificators);
    }
}
