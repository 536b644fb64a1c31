using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BlazeFace.Network.Layers;

/// <summary>
/// The same tensor, channel-major, for the layers after it: where a network that starts on the interleaved (HWC)
/// kernels moves to the channel-major ones. Not an operator of the model file: the graph check and the ONNX export see
/// straight through it to its input, and the layer-by-layer reference run (HWC throughout) copies its input as it is.
/// </summary>
internal sealed class ChannelMajor : Layer
{
    /// <summary>Pixels per tile: the tile's rows of every channel stay in the L1 cache while its planes are written.</summary>
    private const int TilePixels = 64;

    public ChannelMajor(string name, Layer input)
        : base(name, [input], input.OutputShape)
    {
    }

    public override void Forward(NetworkActivations activations) => activations[Inputs[0]].CopyTo(activations[this]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void ForwardFused(NetworkActivations activations)
    {
        ReadOnlySpan<float> hwc = activations[Inputs[0]];
        Span<float> chw = activations[this];
        int pixels = OutputShape.Pixels, channels = OutputShape.Channels;
        if (hwc.Length < OutputShape.Length || chw.Length < OutputShape.Length)
        {
            throw new InvalidOperationException($"'{Name}' has buffers shorter than its {OutputShape} tensor.");
        }

        ref float source = ref MemoryMarshal.GetReference(hwc);
        ref float destination = ref MemoryMarshal.GetReference(chw);
        for (int start = 0; start < pixels; start += TilePixels)
        {
            int end = Math.Min(start + TilePixels, pixels);
            for (int c = 0; c < channels; c++)
            {
                ref float plane = ref Unsafe.Add(ref destination, (nint)c * pixels);
                for (int p = start; p < end; p++)
                {
                    Unsafe.Add(ref plane, p) = Unsafe.Add(ref source, ((nint)p * channels) + c);
                }
            }
        }
    }
}
