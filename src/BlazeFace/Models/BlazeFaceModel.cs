using System.Collections.Concurrent;
using BlazeFace.Export.Onnx;
using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;
using BlazeFace.PostProcessing;

namespace BlazeFace;

/// <summary>
/// A validated BlazeFace model: one of the three bundled MediaPipe models, or a compatible file of your own.
/// Loading parses the TFLite file, checks its operator graph against the architecture and converts and packs every
/// weight, once; every detector and session made from the model then shares that work.
/// </summary>
/// <remarks>Instances are immutable and can be shared by any number of detectors and threads.</remarks>
public sealed class BlazeFaceModel
{
    private static readonly Dictionary<ModelSpec, Lazy<BlazeFaceModel>> s_bundled =
        ModelSpec.All.ToDictionary(spec => spec, spec => new Lazy<BlazeFaceModel>(() => FromResource(spec)));

    private readonly ConcurrentDictionary<KernelSet, Lazy<CompiledModel>> _compiled = new();

    private BlazeFaceModel(TfliteModel file, ModelSpec spec, string source)
    {
        File = file;
        Spec = spec;
        Source = source;
    }

    /// <summary>Largest model file accepted (64 MiB), far above the 0.1-1 MB of the bundled models, so a wrong file fails fast.</summary>
    public static int MaxFileBytes => 64 * 1024 * 1024;

    /// <summary>MediaPipe's short-range model (face_detection_front.tflite, 128x128), bundled: faces within about 2 m of a front camera.</summary>
    public static BlazeFaceModel ShortRange => Bundled(BlazeFaceModelKind.ShortRange);

    /// <summary>MediaPipe's full-range model (face_detection_full_range.tflite, 192x192), bundled: faces within about 5 m.</summary>
    public static BlazeFaceModel FullRange => Bundled(BlazeFaceModelKind.FullRange);

    /// <summary>MediaPipe's 2020 back-camera model (face_detection_back.tflite, 256x256), bundled: smaller faces in rear-camera photos.</summary>
    public static BlazeFaceModel BackCamera => Bundled(BlazeFaceModelKind.BackCamera);

    /// <summary>Which architecture the file holds, recognised from its input size.</summary>
    public BlazeFaceModelKind Kind => Spec.Kind;

    /// <summary>Side of the square model input in pixels: 128, 192 or 256.</summary>
    public int InputSize => Spec.InputSize;

    /// <summary>Number of anchors, hence of raw candidates per frame: 896 or 2304.</summary>
    public int AnchorCount => Spec.Anchors.Length;

    /// <summary>The anchors the network's outputs are relative to, in output order (for callers decoding <see cref="BlazeFaceNetworkSession"/> outputs themselves).</summary>
    public ReadOnlySpan<Anchor> Anchors => Spec.Anchors;

    /// <summary>The anchor layout (MediaPipe's <c>SsdAnchorsCalculatorOptions</c>) that <see cref="Anchors"/> was generated from.</summary>
    public SsdAnchorOptions AnchorOptions => Spec.AnchorOptions;

    /// <summary>MediaPipe's score threshold for this model: 0.5 short range, 0.6 full range, 0.65 back camera.</summary>
    public float DefaultMinScore => Spec.DefaultMinScore;

    /// <summary>MediaPipe's suppression overlap threshold (intersection over union) for this model: 0.3 for all three.</summary>
    public float DefaultIouThreshold => Spec.DefaultIouThreshold;

    /// <summary>Where the model came from: a file path, "stream", "bytes", or the bundled file's name.</summary>
    public string Source { get; }

    internal TfliteModel File { get; }

    internal ModelSpec Spec { get; }

    /// <summary>The bundled model of a kind.</summary>
    /// <param name="kind">Which model.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static BlazeFaceModel Bundled(BlazeFaceModelKind kind)
    {
        foreach ((ModelSpec spec, Lazy<BlazeFaceModel> model) in s_bundled)
        {
            if (spec.Kind == kind)
            {
                return model.Value;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, $"{(int)kind} is not a defined {nameof(BlazeFaceModelKind)} value.");
    }

    /// <summary>Loads and validates a model file.</summary>
    /// <param name="path">Path of a .tflite file with a BlazeFace graph (short range, full range or back camera).</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty, or names a directory.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a BlazeFace model or is damaged; the message says where.</exception>
    public static BlazeFaceModel FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"'{path}' is a directory; give the path of a .tflite model file.", nameof(path));
        }

        using FileStream stream = System.IO.File.OpenRead(path);
        return Load(ReadAll(stream), path);
    }

    /// <summary>Loads and validates a model from a stream, read to its end.</summary>
    /// <param name="stream">A readable stream holding a .tflite file.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="InvalidDataException">The data is not a BlazeFace model, is damaged, or exceeds <see cref="MaxFileBytes"/>.</exception>
    public static BlazeFaceModel FromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Load(ReadAll(stream), "stream");
    }

    /// <summary>Loads and validates a model from bytes already in memory.</summary>
    /// <param name="data">The .tflite file's bytes. They are copied, so the caller may reuse the buffer afterwards.</param>
    /// <exception cref="InvalidDataException">The data is not a BlazeFace model, is damaged, or exceeds <see cref="MaxFileBytes"/>.</exception>
    public static BlazeFaceModel FromBytes(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxFileBytes)
        {
            throw new InvalidDataException($"A {data.Length}-byte model is larger than the {MaxFileBytes}-byte limit for BlazeFace models.");
        }

        return Load(data.ToArray(), "bytes");
    }

    /// <summary>
    /// Creates a session that runs the bare network (advanced: input tensor in, raw outputs out), with its own
    /// activation buffers; the compiled network itself is shared with every detector and session of this model.
    /// </summary>
    public BlazeFaceNetworkSession CreateSession() => new(Compile(KernelSet.Default));

    /// <summary>
    /// Writes the network as a standard ONNX file (float32, operator set 17) for ONNX Runtime or any other ONNX engine:
    /// input <c>input</c> [1, S, S, 3] (NHWC, RGB in [-1, 1], S = <see cref="InputSize"/>), outputs <c>regressors</c>
    /// [1, N, 16] and <c>classificators</c> [1, N, 1] (score logits), N = <see cref="AnchorCount"/>, in the anchor order
    /// of <see cref="Anchors"/>, exactly as TensorFlow Lite names and shapes them. The graph is built from the rebuilt
    /// layers and their weights; the same model always gives the same bytes.
    /// </summary>
    /// <param name="destination">A writable stream; the file is written at its current position and the stream is left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable.</exception>
    public void ExportOnnx(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(destination));
        }

        OnnxExporter.Export(Compile(KernelSet.Default).Network, File).WriteTo(destination);
    }

    /// <summary>The compiled network for <paramref name="kernels"/>, built on first use and shared afterwards.</summary>
    internal CompiledModel Compile(KernelSet kernels) =>
        _compiled.GetOrAdd(kernels, static (k, model) => new Lazy<CompiledModel>(() => new CompiledModel(model, k)), this).Value;

    /// <inheritdoc/>
    public override string ToString() => $"{Spec.Name} BlazeFace ({InputSize}x{InputSize}, {Source})";

    private static BlazeFaceModel Load(byte[] data, string source)
    {
        TfliteModel file = TfliteModel.Parse(data);
        var model = new BlazeFaceModel(file, ModelSpec.Recognize(file), source);

        // Compiling for the default kernels both validates the file (graph and every weight) and does the work the
        // first detector would otherwise do, so a bad file is reported by the load and nothing is built twice.
        model.Compile(KernelSet.Default);
        return model;
    }

    private static BlazeFaceModel FromResource(ModelSpec spec)
    {
        string name = "BlazeFace.Models." + spec.BundledFileName;
        using Stream stream = typeof(BlazeFaceModel).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The bundled model '{name}' is missing from the assembly.");
        return Load(ReadAll(stream), spec.BundledFileName);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                throw new InvalidDataException($"The model is larger than the {MaxFileBytes}-byte limit for BlazeFace models.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
