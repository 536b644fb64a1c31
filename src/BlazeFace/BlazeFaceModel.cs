using System.Collections.Concurrent;
using BlazeFace.Engines;
using BlazeFace.Export.Onnx;
using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Models.Specs;
using BlazeFace.Models.Tflite;
using BlazeFace.PostProcessing;

namespace BlazeFace;

/// <summary>
/// A validated model: one of the bundled MediaPipe models, or a file of your own with the graph of one of them.
/// Loading parses the TFLite file, recognises its graph, checks every operator against the rebuilt architecture and
/// converts and packs every weight, once; every detector and session made from the model then shares that work.
/// </summary>
/// <remarks>Instances are immutable and can be shared by any number of detectors, sessions and threads.</remarks>
public sealed class BlazeFaceModel
{
    private static readonly ConcurrentDictionary<ModelSpec, Lazy<BlazeFaceModel>> s_bundled = new();

    private readonly ConcurrentDictionary<KernelSet, Lazy<CompiledModel>> _compiled = new();
    private readonly Lazy<Anchor[]> _anchors;

    private BlazeFaceModel(TfliteModel file, ModelEntry entry, int inputSize, string source)
    {
        File = file;
        Entry = entry;
        InputSize = inputSize;
        Source = source;
        _anchors = new Lazy<Anchor[]>(() => entry.Spec.Detector?.GenerateAnchors(inputSize) ?? []);
    }

    /// <summary>Largest model file accepted (64 MiB), far above the 0.1-1 MB of the bundled models, so a wrong file fails fast.</summary>
    public static int MaxFileBytes => 64 * 1024 * 1024;

    /// <summary>MediaPipe's short-range face detector (face_detection_front.tflite, 128x128), bundled: faces within about 2 m of a front camera.</summary>
    public static BlazeFaceModel ShortRange => Bundled(ModelSpecs.ShortRange);

    /// <summary>MediaPipe's full-range face detector (face_detection_full_range.tflite, 192x192, dense weights), bundled: faces within about 5 m.</summary>
    public static BlazeFaceModel FullRange => Bundled(ModelSpecs.FullRange);

    /// <summary>
    /// MediaPipe's own full-range face detector (face_detection_full_range_sparse.tflite, 192x192, 70%-sparse 1x1
    /// weights), bundled: the file MediaPipe's face detection solutions run for faces within about 5 m (Python's
    /// <c>model_selection=1</c>, JavaScript's <c>model: 'full'</c>), so it gives MediaPipe's own full-range faces.
    /// </summary>
    public static BlazeFaceModel FullRangeSparse => Bundled(ModelSpecs.FullRangeSparse);

    /// <summary>MediaPipe's 2020 back-camera face detector (face_detection_back.tflite, 256x256), bundled: smaller faces in rear-camera photos.</summary>
    public static BlazeFaceModel BackCamera => Bundled(ModelSpecs.BackCamera);

    /// <summary>
    /// MediaPipe's 468-point face landmark model (face_landmark.tflite, 192x192), bundled: the face mesh of one face,
    /// from a crop around it as RGB in [0, 1] (the detectors take [-1, 1]). Not a detector: it has no anchors, and
    /// its outputs are <c>landmarks</c> (468 x, y, z in input pixels) and <c>presence</c> (a face-presence logit).
    /// </summary>
    public static BlazeFaceModel FaceLandmarks => Bundled(ModelSpecs.FaceLandmarks);

    /// <summary>Which model the file holds, recognised from its graph: "short-range", "full-range", "full-range-sparse", "back-camera" or "face-landmarks".</summary>
    public string Name => Spec.Name;

    /// <summary>Side of the square model input in pixels: 128, 192 or 256.</summary>
    public int InputSize { get; }

    /// <summary>Number of anchors, hence of raw candidates per frame: 896 or 2304 (0 for the face landmark model, which has none).</summary>
    public int AnchorCount => Anchors.Length;

    /// <summary>
    /// The anchors the network's outputs are relative to, in output order, for an anchor decoder
    /// (<see cref="IAnchorDecoder"/>) or for callers decoding a <see cref="NetworkSession"/>'s outputs themselves.
    /// </summary>
    public ReadOnlySpan<Anchor> Anchors => _anchors.Value;

    /// <summary>MediaPipe's score threshold for this model: 0.5 short range, 0.6 full range, 0.65 back camera.</summary>
    public float DefaultMinScore => Detector.MinScore;

    /// <summary>MediaPipe's suppression overlap threshold (intersection over union) for this model: 0.3 for all three.</summary>
    public float DefaultIouThreshold => Detector.IouThreshold;

    /// <summary>
    /// The names of the network's outputs, in the order a <see cref="NetworkSession"/> returns them and as
    /// <see cref="ExportOnnx"/> names them: "regressors" (anchors x 16 values: box centre x, y, width, height and six
    /// keypoints x, y, in input pixels relative to each anchor) and "classificators" (one score logit per anchor) for
    /// the detectors; "landmarks" (468 x, y, z in input pixels) and "presence" (one face-presence logit) for the face
    /// landmark model.
    /// </summary>
    public IReadOnlyList<string> OutputNames => Spec.OutputNames;

    /// <summary>Where the model came from: a file path, "stream", "bytes", or the bundled file's name.</summary>
    public string Source { get; }

    internal TfliteModel File { get; }

    internal ModelEntry Entry { get; }

    internal ModelSpec Spec => Entry.Spec;

    /// <summary>The detector half of the spec.</summary>
    internal DetectorSpec Detector => Spec.Detector ?? throw new InvalidOperationException($"The {Name} model is not a face detector.");

    /// <summary>Loads and validates a model file.</summary>
    /// <param name="path">Path of a .tflite file with the graph of one of the bundled models.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty, or names a directory.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is damaged, or its graph is none the library knows; the message says where it differs from the closest one.</exception>
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
    /// <exception cref="InvalidDataException">The data is damaged, exceeds <see cref="MaxFileBytes"/>, or has a graph the library does not know.</exception>
    public static BlazeFaceModel FromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Load(ReadAll(stream), "stream");
    }

    /// <summary>Loads and validates a model from bytes already in memory.</summary>
    /// <param name="data">The .tflite file's bytes. They are copied, so the caller may reuse the buffer afterwards.</param>
    /// <exception cref="InvalidDataException">The data is damaged, exceeds <see cref="MaxFileBytes"/>, or has a graph the library does not know.</exception>
    public static BlazeFaceModel FromBytes(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxFileBytes)
        {
            throw new InvalidDataException($"A {data.Length}-byte model is larger than the {MaxFileBytes}-byte limit.");
        }

        return Load(data.ToArray(), "bytes");
    }

    /// <summary>
    /// Creates a session that runs the bare network on the managed engine (advanced: input tensor in, raw outputs
    /// out), with its own activation buffers; the compiled network itself is shared with every detector and session
    /// of this model. Same as <c>NetworkEngine.Managed.CreateSession(model)</c>.
    /// </summary>
    public NetworkSession CreateSession() => NetworkEngine.Managed.CreateSession(this);

    /// <summary>
    /// Writes the network as a standard ONNX file (float32, operator set 17) for ONNX Runtime or any other ONNX engine:
    /// input <c>input</c> [1, S, S, 3] (NHWC, RGB in [-1, 1], S = <see cref="InputSize"/>), outputs named by
    /// <see cref="OutputNames"/>: <c>regressors</c> [1, N, 16] and <c>classificators</c> [1, N, 1] (score logits),
    /// N = <see cref="AnchorCount"/>, in the anchor order of <see cref="Anchors"/>. The face landmark model's input is
    /// RGB in [0, 1] and its outputs are <c>landmarks</c> [1, 1, 1, 1404] and <c>presence</c> [1, 1, 1, 1], NHWC as
    /// TFLite has them. The graph is built from the rebuilt layers and their weights; the same model always gives the
    /// same bytes.
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

        CompiledModel compiled = Compile(KernelSet.Default);
        OnnxExporter.Export(compiled.Network, File, compiled.Weights, Spec).WriteTo(destination);
    }

    /// <summary>The compiled network for <paramref name="kernels"/>, built on first use and shared afterwards.</summary>
    internal CompiledModel Compile(KernelSet kernels) =>
        _compiled.GetOrAdd(kernels, static (k, model) => new Lazy<CompiledModel>(() => new CompiledModel(model, k)), this).Value;

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({InputSize}x{InputSize}, {Source})";

    /// <summary>The bundled copy of a registered model, loaded on first use.</summary>
    private static BlazeFaceModel Bundled(ModelSpec spec) =>
        s_bundled.GetOrAdd(spec, static s => new Lazy<BlazeFaceModel>(() => FromResource(s))).Value;

    private static BlazeFaceModel Load(byte[] data, string source)
    {
        TfliteModel file = TfliteModel.Parse(data);
        ModelEntry entry = ModelCatalog.Recognize(file);
        var model = new BlazeFaceModel(file, entry, file.Tensors[file.Inputs[0]].Shape[1], source);

        // Compiling for the default kernels validates every weight and does the work the first detector would
        // otherwise do, so a bad file is reported by the load and nothing is built twice.
        model.Compile(KernelSet.Default);
        return model;
    }

    private static BlazeFaceModel FromResource(ModelSpec spec)
    {
        string name = "BlazeFace.Models." + spec.BundledFileName;
        using Stream stream = typeof(BlazeFaceModel).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The bundled model '{name}' is missing from the assembly.");
        BlazeFaceModel model = Load(ReadAll(stream), spec.BundledFileName!);
        return model.Spec == spec
            ? model
            : throw new InvalidOperationException($"The bundled file '{spec.BundledFileName}' holds the {model.Name} model, not the {spec.Name} one.");
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
                throw new InvalidDataException($"The model is larger than the {MaxFileBytes}-byte limit.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
