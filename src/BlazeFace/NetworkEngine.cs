using BlazeFace.Engines;

namespace BlazeFace;

/// <summary>
/// Runs a model's network: the one seam between what the library does around the network (pre-processing, decoding,
/// suppression, projection, tracking) and inference itself. The library's managed kernels are
/// <see cref="Managed"/>, the default everywhere; the BlazeFace.OnnxRuntime package adds ONNX Runtime with any
/// execution provider; you can plug in your own by deriving from this class.
/// </summary>
/// <remarks>
/// <para>
/// A detector asks its engine for one <see cref="NetworkSession"/> per concurrent call and keeps it for its lifetime,
/// so <see cref="CreateSession"/> may be slow but a session's <see cref="NetworkSession.Run"/> should not allocate.
/// An engine is shared by every detector given it and must allow <see cref="CreateSession"/> from several threads.
/// </para>
/// <para>
/// An engine that holds native resources implements <see cref="IDisposable"/> itself; whoever creates it owns it and
/// disposes it after the detectors that use it, as with <c>HttpMessageHandler</c> and <c>HttpClient</c>.
/// </para>
/// </remarks>
public abstract class NetworkEngine
{
    /// <summary>The library's managed kernels, with the widest vectors this CPU accelerates: the default engine.</summary>
    public static NetworkEngine Managed => ManagedEngine.Default;

    /// <summary>
    /// What runs the network, for logs: for the managed engine the vector width and whether it uses fused
    /// multiply-add, for example "managed kernels: 512-bit vectors, fused multiply-add".
    /// </summary>
    public abstract string Description { get; }

    /// <summary>Creates a session that runs <paramref name="model"/>'s network, with buffers of its own.</summary>
    /// <param name="model">The model to run.</param>
    /// <returns>A session the caller owns and disposes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public abstract NetworkSession CreateSession(BlazeFaceModel model);

    /// <inheritdoc/>
    public override string ToString() => Description;
}
