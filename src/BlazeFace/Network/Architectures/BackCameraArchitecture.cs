using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Architectures;

/// <summary>
/// The back-camera BlazeFace of face_detection_back.tflite: a 5x5 stem to 128x128x24, seven single BlazeBlocks, then
/// three stages of eight (the first of each strides by 2) to 16x16x96, a separable 3x3 convolution to 8x8x96, and heads on the
/// 16x16 and 8x8 maps (2 and 6 anchors per cell: 896 anchors).
/// </summary>
internal static class BackCameraArchitecture
{
    public static CompiledNetwork Build(NetworkBuilder b)
    {
        Layer x = b.ConvRelu(b.Input("input", height: 256, width: 256, channels: 3), filters: 24, kernelSize: 5, stride: 2); // 256x256x3 -> 128x128x24
        x = Stage(b, x, channels: 24, firstStride: 1, blocks: 7);           // 128x128x24
        x = Stage(b, x, channels: 24, firstStride: 2, blocks: 8);           // 64x64x24
        x = Stage(b, x, channels: 48, firstStride: 2, blocks: 8);           // 32x32x48
        Layer features16 = Stage(b, x, channels: 96, firstStride: 2, blocks: 8); // 16x16x96
        Layer features8 = b.SeparableConvRelu(features16, filters: 96, stride: 2); // 8x8x96

        // Head order follows the original model so Keras's automatic names (reshape, reshape_1, …) line up.
        Layer scores16 = b.Head("classificator_16", null, features16, anchorsPerCell: 2, valuesPerAnchor: 1);  // 512x1
        Layer boxes16 = b.Head("regressor_16", null, features16, anchorsPerCell: 2, valuesPerAnchor: 16);     // 512x16
        Layer scores8 = b.Head("classificator_32", null, features8, anchorsPerCell: 6, valuesPerAnchor: 1);   // 384x1
        Layer boxes8 = b.Head("regressor_32", null, features8, anchorsPerCell: 6, valuesPerAnchor: 16);       // 384x16
        var classificators = b.Add(new Concatenate("classificators", [scores16, scores8]));  // 896x1
        var regressors = b.Add(new Concatenate("regressors", [boxes16, boxes8]));            // 896x16
        return b.Build(regressors, classificators);
    }

    /// <summary>BlazeBlocks at one width; the first may stride (and widen, from the previous stage's width).</summary>
    private static Layer Stage(NetworkBuilder b, Layer x, int channels, int firstStride, int blocks)
    {
        x = b.BlazeBlock(x, channels, firstStride);
        for (int i = 1; i < blocks; i++)
        {
            x = b.BlazeBlock(x, channels);
        }

        return x;
    }
}
