using BlazeFace.Imaging;
using BlazeFace.Kernels;
using BlazeFace.Network;
using BlazeFace.Preprocessing;

namespace BlazeFace;

/// <summary>
/// The bare network of a <see cref="BlazeFaceModel"/>, for callers who prepare their own input tensor or post-process
/// the raw outputs themselves (and for benchmarks). Most callers want <see cref="FaceDetector"/> instead.
/// </summary>
/// <remarks>
/// A session owns its activation buffers, so it is not thread-safe: use one session per thread. The spans it hands
/// out stay valid while the session lives and change on every <see cref="Run"/>.
/// </remarks>
public sealed class BlazeFaceNetworkSession : IDisposable
{
    private BlazeFaceNetwork? _network;
    private ImageToTensorConverter? _converter;

    internal BlazeFaceNetworkSession(BlazeFaceModel model, KernelSet kernels)
    {
        Model = model;
        _network = model.CreateNetwork(kernels);
    }

    /// <summary>The model this session runs.</summary>
    public BlazeFaceModel Model { get; }

    /// <summary>Number of anchors: rows of <see cref="Regressors"/> and values of <see cref="ScoreLogits"/> (896 or 2304).</summary>
    public int AnchorCount => Network.AnchorCount;

    /// <summary>Where to write the input tensor before <see cref="Run"/>: NHWC, size x size x 3, RGB in [-1, 1].</summary>
    public Span<float> Input => Network.InputTensor;

    /// <summary>The last run's box and keypoint regressors, <see cref="AnchorCount"/> x 16 values.</summary>
    public ReadOnlySpan<float> Regressors => Network.Regressors.Output.Span;

    /// <summary>The last run's score logits (before the sigmoid), one per anchor.</summary>
    public ReadOnlySpan<float> ScoreLogits => Network.Classificators.Output.Span;

    private BlazeFaceNetwork Network => _network ?? throw new ObjectDisposedException(nameof(BlazeFaceNetworkSession));

    /// <summary>Fills <see cref="Input"/> from an image, exactly as <see cref="FaceDetector"/> does.</summary>
    /// <param name="image">The pixels.</param>
    /// <param name="mode">How the image is fitted into the square input.</param>
    /// <returns>How normalised model coordinates map back to the image.</returns>
    /// <exception cref="ObjectDisposedException">The session has been disposed.</exception>
    public InputTransform SetInput(ImageView image, ResizeMode mode = ResizeMode.Letterbox)
    {
        int size = Model.InputSize;
        if (_converter is null || _converter.Mode != mode)
        {
            _converter = new ImageToTensorConverter(size, size, mode);
        }

        return _converter.Convert(image, Network.InputTensor);
    }

    /// <summary>Runs the network on <see cref="Input"/>.</summary>
    /// <exception cref="ObjectDisposedException">The session has been disposed.</exception>
    public void Run() => Network.Run();

    /// <summary>Releases the activation buffers. Safe to call more than once.</summary>
    public void Dispose() => _network = null;
}
