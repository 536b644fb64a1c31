namespace BlazeFace.Network;

/// <summary>How a layer's output is laid out in memory during a fused run.</summary>
/// <remarks>
/// Every layer computes the same values either way, and the layer-by-layer reference run keeps every tensor HWC, as
/// TFLite does; only a fused run of a network built channel-major stores its feature maps CHW, where a sparse 1x1
/// convolution can run along contiguous pixels (XNNPACK's sparse inference does the same).
/// </remarks>
internal enum TensorLayout
{
    /// <summary>Interleaved: pixel by pixel, each pixel's channels together (TFLite's NHWC).</summary>
    Hwc,

    /// <summary>Channel-major: channel by channel, each a plane of pixels.</summary>
    Chw,
}
