using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Architectures;

/// <summary>
/// MediaPipe's face-landmark network of face_landmark.tflite (the 468-point face mesh): a 3x3 stride-2 stem and
/// PReLU BlazeBlocks from 96x96x16 down to 6x6x128, then two heads on that map, each a strided block to 3x3, a 1x1
/// narrowing to 32 channels, one more block and a 3x3 stride-3 'valid' convolution to a single pixel: 1404 landmark
/// coordinates (468 x, y, z in input pixels) and one face-presence logit.
/// </summary>
/// <remarks>
/// The only non-linearity is PReLU; no operator has a fused activation. The strided blocks widen their shortcut
/// with channel padding up to 128 channels and pool it with 'valid' 2x2 windows.
/// </remarks>
internal static class FaceLandmarkArchitecture
{
    public static CompiledNetwork Build(NetworkBuilder b)
    {
        // Keras numbered this model's layers from 1 (the session that built it had built one before), and counted a
        // third head between the two the file keeps (see below).
        foreach (string kind in (string[])["conv2d", "p_re_lu", "depthwise_conv2d", "max_pooling2d", "channel_padding", "add"])
        {
            b.Names.SkipTo(kind, 1);
        }

        Layer x = b.Input("input_1", height: 192, width: 192, channels: 3);                       // 192x192x3
        x = b.ConvPRelu(x, filters: 16, kernelSize: 3, stride: 2, PaddingMode.Same); // 96x96x16
        x = b.PReluBlazeBlock(x, 16);
        x = b.PReluBlazeBlock(x, 16);
        x = b.PReluBlazeBlock(x, 32, stride: 2);        // 48x48x32
        x = b.PReluBlazeBlock(x, 32);
        x = b.PReluBlazeBlock(x, 32);
        x = b.PReluBlazeBlock(x, 64, stride: 2);        // 24x24x64
        x = b.PReluBlazeBlock(x, 64);
        x = b.PReluBlazeBlock(x, 64);
        x = b.PReluBlazeBlock(x, 128, stride: 2);       // 12x12x128
        x = b.PReluBlazeBlock(x, 128);
        x = b.PReluBlazeBlock(x, 128);
        x = b.PReluBlazeBlock(x, 128, stride: 2);       // 6x6x128
        x = b.PReluBlazeBlock(x, 128);
        Layer features = b.PReluBlazeBlock(x, 128);     // 6x6x128

        Layer mesh = b.PReluBlazeBlock(features, 128, stride: 2);                              // 3x3x128
        mesh = b.PReluBlazeBlock(mesh, 128);
        mesh = b.PReluBlazeBlock(mesh, 128);
        mesh = b.ConvPRelu(mesh, filters: 32, kernelSize: 1, stride: 1, PaddingMode.Valid);   // 3x3x32
        mesh = b.PReluBlazeBlock(mesh, 32);
        Conv2D landmarks = b.Add(new Conv2D(b.Names.Next("conv2d"), mesh, filters: 1404, kernelSize: 3, stride: 3, PaddingMode.Valid, b.Kernels)); // 1x1x1404

        // Keras gave the numbers between to a head the file does not hold (by their count, a copy of the landmark head).
        b.Names.SkipTo("depthwise_conv2d", 23);
        b.Names.SkipTo("conv2d", 28);
        b.Names.SkipTo("max_pooling2d", 7);
        b.Names.SkipTo("add", 23);
        b.Names.SkipTo("p_re_lu", 26);

        Layer face = b.PReluBlazeBlock(features, 128, stride: 2);                              // 3x3x128
        face = b.ConvPRelu(face, filters: 32, kernelSize: 1, stride: 1, PaddingMode.Valid);   // 3x3x32
        face = b.PReluBlazeBlock(face, 32);
        Conv2D presence = b.Add(new Conv2D(b.Names.Next("conv2d"), face, filters: 1, kernelSize: 3, stride: 3, PaddingMode.Valid, b.Kernels)); // 1x1x1

        return b.Build(landmarks, presence);
    }
}
