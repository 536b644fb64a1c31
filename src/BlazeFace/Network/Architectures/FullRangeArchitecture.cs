using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Architectures;

/// <summary>
/// The full-range BlazeFace of face_detection_full_range.tflite: a 3x3 stem, double BlazeBlocks down to 6x6x384,
/// then a top-down feature pyramid (bilinear up-sampling + lateral 1x1 convolutions) back up to 48x48x48, where one
/// anchor per cell gives 2304 anchors.
/// </summary>
internal static class FullRangeArchitecture
{
    public static CompiledNetwork Build(NetworkBuilder b)
    {
        Layer x = b.Input("input", height: 192, width: 192, channels: 3);                                              // 192x192x3
        x = b.ConvRelu(x, filters: 32, kernelSize: 3, stride: 2);          // 96x96x32
        x = b.DoubleBlazeBlock(x, 8, 32);
        x = b.DoubleBlazeBlock(x, 8, 32);
        x = b.DoubleBlazeBlock(x, 12, 48, stride: 2);                      // 48x48x48
        x = b.DoubleBlazeBlock(x, 12, 48);
        Layer lateral48 = b.DoubleBlazeBlock(x, 16, 64);                   // 48x48x64
        x = b.DoubleBlazeBlock(lateral48, 24, 96, stride: 2);              // 24x24x96
        x = b.DoubleBlazeBlock(x, 32, 128);
        Layer lateral24 = b.DoubleBlazeBlock(x, 32, 128);                  // 24x24x128
        x = b.DoubleBlazeBlock(lateral24, 36, 144, stride: 2);             // 12x12x144
        x = b.DoubleBlazeBlock(x, 48, 192);
        Layer lateral12 = b.DoubleBlazeBlock(x, 64, 256);                  // 12x12x256
        x = b.DoubleBlazeBlock(lateral12, 96, 384, stride: 2);             // 6x6x384
        x = b.DoubleBlazeBlock(x, 96, 384);
        x = b.DoubleBlazeBlock(x, 96, 384);
        x = b.DoubleBlazeBlock(x, 96, 384);

        x = b.FeaturePyramidMerge(x, lateral12, channels: 96);             // 12x12x96
        x = b.DoubleBlazeBlock(x, 48, 96);
        x = b.DoubleBlazeBlock(x, 48, 96);
        x = b.FeaturePyramidMerge(x, lateral24, channels: 64);             // 24x24x64
        x = b.DoubleBlazeBlock(x, 32, 64);
        x = b.DoubleBlazeBlock(x, 32, 64);
        x = b.FeaturePyramidMerge(x, lateral48, channels: 48);             // 48x48x48
        x = b.DoubleBlazeBlock(x, 24, 48);

        Layer classificators = b.Head("classifier_face_4", "reshaped_classifier_face_4", x, anchorsPerCell: 1, valuesPerAnchor: 1);  // 2304x1
        Layer regressors = b.Head("regressor_face_4", "reshaped_regressor_face_4", x, anchorsPerCell: 1, valuesPerAnchor: 16);      // 2304x16
        return b.Build(regressors, classificators);
    }
}
