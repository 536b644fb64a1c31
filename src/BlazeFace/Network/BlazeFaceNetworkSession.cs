using BlazeFace.Imaging;
using BlazeFace.Models;
using BlazeFace.Preprocessing;

namespace BlazeFace.Network;

/// <summary>
/// Advanced: the bare network of a <see cref="BlazeFaceModel"/>, for callers who prepare their own input tensor or
/// post-process the raw outputs themselves (and for benchmarks). Most callers want <see cref="FaceDetector"/>.
/// </summary>
/// <remarks>
/// A session owns only its activation buffers; the compiled network (checked graph, packed weights) is shared with
/// every other session and detector of the model. A session is therefore cheap, but not thread-safe: use one per
/// thread. The spans it hands out stay valid while the session lives and change on every <see cref="Run"/>.
/// </remarks>
public sealed class BlazeFaceNetworkSession : IDisposable
{
    private readonly CompiledModel _compiled;
    private NetworkActivations? _activations;
    private ImageToTensorConverter? _converter;

    internal BlazeFaceNetworkSession(CompiledModel compiled)
    {
        _compiled = compiled;
        _activations = compiled.Network.CreateActivations();
    }

    /// <summary>The model this session runs.</summary>
    public BlazeFaceModel Model => _compiled.Model;

    /// <summary>Number of anchors: rows of <see cref="Regressors"/> and values of <see cref="ScoreLogits"/> (896 or 2304).</summary>
    /// <exception cref="ObjectDisposedException">The session has been disposed.</exception>
    public int AnchorCount => Activations.Plan.Network.AnchorCount;

    /// <summary>Where to write the input tensor before <see cref="Run"/>: NHWC, size x size x 3, RGB in [-1, 1].</summary>
    /// <exception cref="ObjectDisposedException">The session has been disposed.</exception>
    public Span<float> Input => Activations.Input;

    /// <summary>The last run's box and keypoint regressors, <see cref="AnchorCount"/> x 16 values.</summary>
    /// <exception cref="ObjectDisposedException">The session has been disposed.</exception>
    public ReadOnlySpan<float> Regressors => Activations.Regressors;

    /// <summary>The last run's score logits (before the sigmoid), one per anchor.</summary>
    /// <exception cref="ObjectDisposedException">The session has been disposed.</exception>
    public ReadOnlySpan<float> ScoreLogits => Activations.Classificators;

    private NetworkActivations Activations => _activations ?? throw new ObjectDisposedException(nameof(BlazeFaceNetworkSession));

    /// <summary>Fills <see cref="Input"/> from an image, exactly as <see cref="FaceDetector"/> does.</summary>
    /// <param name="image">The pixels.</param>
    /// <param name="mode">How the image is fitted into the square input.</param>
    /// <returns>How normalised model coordinates map back to the image.</returns>
    /// <exception cref="ObjectDisposedException">The session has been disposed.</exception>
    public InputTransform SetInput(ImageView image, ResizeMode mode = ResizeMode.Letterbox)
    {
        Span<float> input = Activations.Input;
        int size = _compiled.InputSize;
        if (_converter is null || _converter.Mode != mode)
        {
            _converter = new ImageToTensorConverter(size, size, mode);
        }

        return _converter.Convert(image, input);
    }

    /// <summary>Runs the network on <see cref="Input"/>.</summary>
    /// <exception cref="ObjectDisposedException">The session has been disposed.</exception>
    public void Run() => _compiled.Network.Run(Activations);

    /// <summary>Releases the activation buffers. Safe to call more than once.</summary>
    public void Dispose() => _activations = null;
}
