using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Architectures;

/// <summary>
/// The full-range detector of face_detection_full_range_sparse.tflite, MediaPipe's own full-range model: not the dense
/// model with zeros but a network of its own. Every 3x3 window reads an explicit one-pixel zero border ('valid' after
/// PAD, which at stride 2 is not TensorFlow's 'same'); ReLUs are fused into the convolutions and adds; residual blocks
/// of two depthwise + pointwise pairs down to 6x6x384; lateral 1x1 convolutions taken before each downsampling feed a
/// top-down pyramid back to 48x48x48; each head is a 1x1 convolution to four anchors' worth of a 24x24 map, a
/// stride-2 depthwise convolution and depth-to-space back to 48x48, one anchor per cell (2304). The 1x1 kernels of
/// the body are 70% zeros, stored sparse.
/// </summary>
/// <remarks>
/// The file comes from TensorFlow's MLIR converter, whose tensor names are lists of fused op names, so layers are
/// matched to operators by structure (<see cref="LayerMatching.ByStructure"/>); layer names here are for messages.
/// </remarks>
internal static class FullRangeSparseArchitecture
{
    public static CompiledNetwork Build(NetworkBuilder b)
    {
        b.Matching = LayerMatching.ByStructure;
        Layer x = b.Input("input_1", height: 192, width: 192, channels: 3);                 // 192x192x3

        // The 96x96 stage runs interleaved on the dense kernels: its planes (36 KB each, 1.2 MB a tensor) are too
        // large for the sparse kernel's walk across them to stay in cache, and its 1x1 convolutions are small (8 and
        // 32 channels). From the first 48x48x16 map on, feature maps are channel-major to the heads' depth-to-space,
        // and the 1x1 convolutions run on the sparse kernel along contiguous pixels.
        x = b.ZeroPaddedConv(x, filters: 32, kernelSize: 3, stride: 2, pad: 1, relu: true);   // 96x96x32
        x = Residual(b, x, 8);
        x = Residual(b, x, 8);
        x = b.ZeroPaddedDepthwise(x, kernelSize: 3, stride: 2, pad: 1);                       // 48x48x32
        x = b.Pointwise(x, 16, relu: true);                                                    // 48x48x16
        b.Layout = TensorLayout.Chw;
        x = b.Add(new ChannelMajor(b.Names.Next("channel_major"), x));
        x = b.ZeroPaddedDepthwise(x, kernelSize: 3, stride: 1, pad: 1);
        x = b.Pointwise(x, 64, relu: true);                                                    // 48x48x64
        x = Residual(b, x, 16);
        x = Residual(b, x, 16);
        Layer lateral48 = b.Pointwise(x, 48, relu: true);                                      // 48x48x48
        x = Transition(b, x, 32, 128);                                                         // 24x24x128
        x = Residual(b, x, 32);
        x = Residual(b, x, 32);
        Layer lateral24 = b.Pointwise(x, 64, relu: true);                                      // 24x24x64
        x = Transition(b, x, 48, 192);                                                         // 12x12x192
        x = Residual(b, x, 48);
        x = Residual(b, x, 48);
        Layer lateral12 = b.Pointwise(x, 96, relu: true);                                      // 12x12x96
        x = Transition(b, x, 96, 384);                                                         // 6x6x384
        x = Residual(b, x, 96);
        x = Residual(b, x, 96);
        x = Residual(b, x, 96);

        x = TopDown(b, x, lateral12);                                                          // 12x12x96
        x = Residual(b, x, 48);
        x = Residual(b, x, 48);
        x = TopDown(b, x, lateral24);                                                          // 24x24x64
        x = Residual(b, x, 32);
        x = Residual(b, x, 32);
        x = TopDown(b, x, lateral48);                                                          // 48x48x48
        x = Residual(b, x, 24);

        Layer classificators = Head(b, x, "classifier_face_4", valuesPerAnchor: 1, "Identity_1");   // 2304x1
        Layer regressors = Head(b, x, "regressor_face_4", valuesPerAnchor: 16, "Identity");         // 2304x16
        return b.Build(regressors, classificators);
    }

    /// <summary>dw 3x3 → 1x1 to <paramref name="narrow"/> + ReLU → dw 3x3 → 1x1 back, added to the input, ReLU.</summary>
    private static Add Residual(NetworkBuilder b, Layer input, int narrow)
    {
        Layer x = b.ZeroPaddedDepthwise(input, kernelSize: 3, stride: 1, pad: 1);
        x = b.Pointwise(x, narrow, relu: true);
        x = b.ZeroPaddedDepthwise(x, kernelSize: 3, stride: 1, pad: 1);
        return b.ResidualPointwise(x, shortcut: input);
    }

    /// <summary>Halves the resolution and widens, with no shortcut: dw 3x3 / 2 → 1x1 + ReLU → dw 3x3 → 1x1 + ReLU.</summary>
    private static Conv2D Transition(NetworkBuilder b, Layer input, int narrow, int wide)
    {
        Layer x = b.ZeroPaddedDepthwise(input, kernelSize: 3, stride: 2, pad: 1);
        x = b.Pointwise(x, narrow, relu: true);
        x = b.ZeroPaddedDepthwise(x, kernelSize: 3, stride: 1, pad: 1);
        return b.Pointwise(x, wide, relu: true);
    }

    /// <summary>1x1 + ReLU to the lateral's width, bilinear x2, added to the lateral (no activation).</summary>
    private static Add TopDown(NetworkBuilder b, Layer coarse, Layer lateral)
    {
        Layer x = b.Pointwise(coarse, lateral.OutputShape.Channels, relu: true);
        x = b.Add(new UpSampling2D(b.Names.Next("up_sampling2d"), x, factor: 2, alignCorners: false, halfPixelCenters: true, b.Kernels));
        return b.Add(new Add(b.Names.Next("add"), lateral, x, b.Kernels));
    }

    /// <summary>
    /// 1x1 to four anchors' values, a stride-2 3x3 depthwise convolution of its zero-padded map, depth-to-space back to
    /// one anchor per 48x48 cell, and the rows of the output.
    /// </summary>
    private static Reshape Head(NetworkBuilder b, Layer features, string name, int valuesPerAnchor, string outputName)
    {
        Layer x = b.Add(new Conv2D(name, features, 4 * valuesPerAnchor, kernelSize: 1, stride: 1, PaddingMode.Same, b.Kernels));
        x = b.ZeroPaddedDepthwise(x, kernelSize: 3, stride: 2, pad: 1);                     // 24x24x(4 values)

        // Depth-to-space writes HWC, which the rows of the output are.
        TensorLayout layout = b.Layout;
        b.Layout = TensorLayout.Hwc;
        x = b.Add(new DepthToSpace(b.Names.Next("depth_to_space"), x, blockSize: 2));         // 48x48xvalues
        Reshape rows = b.Add(new Reshape(outputName, x, new Kernels.TensorShape(1, x.OutputShape.Pixels, valuesPerAnchor)));
        b.Layout = layout;
        return rows;
    }
}
