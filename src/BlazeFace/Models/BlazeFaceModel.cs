using BlazeFace.Kernels;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;

namespace BlazeFace;

/// <summary>
/// A validated BlazeFace model file: one of the two bundled MediaPipe models, or a compatible file of your own.
/// Loading parses the TFLite file, checks its operator graph against the architecture and checks every weight,
/// so a model that loads is a model that runs.
/// </summary>
/// <remarks>Instances are immutable and can be shared by any number of detectors and threads.</remarks>
public sealed class BlazeFaceModel
{
    /// <summary>Largest model file accepted, far above the 1 MB of the bundled models, so a wrong file fails fast.</summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    private const string ShortRangeResource = "BlazeFace.Models.face_detection_front.tflite";
    private const string FullRangeResource = "BlazeFace.Models.face_detection_full_range.tflite";

    private static readonly Lazy<BlazeFaceModel> s_shortRange = new(() => FromResource(ShortRangeResource));
    private static readonly Lazy<BlazeFaceModel> s_fullRange = new(() => FromResource(FullRangeResource));

    private BlazeFaceModel(TfliteModel file, BlazeFaceModelKind kind, string source)
    {
        File = file;
        Kind = kind;
        Source = source;
    }

    /// <summary>MediaPipe's short-range model (face_detection_front.tflite, 128x128), bundled with the library.</summary>
    public static BlazeFaceModel ShortRange => s_shortRange.Value;

    /// <summary>MediaPipe's full-range model (face_detection_full_range.tflite, 192x192), bundled with the library.</summary>
    public static BlazeFaceModel FullRange => s_fullRange.Value;

    /// <summary>Which architecture the file holds, recognised from its input size.</summary>
    public BlazeFaceModelKind Kind { get; }

    /// <summary>Side of the square model input in pixels: 128 for short range, 192 for full range.</summary>
    public int InputSize => Kind == BlazeFaceModelKind.ShortRange ? ShortRangeArchitecture.InputSize : FullRangeArchitecture.InputSize;

    /// <summary>Where the model came from: a file path, "stream", "bytes", or the bundled resource's name.</summary>
    public string Source { get; }

    internal TfliteModel File { get; }

    /// <summary>Loads and validates a model file.</summary>
    /// <param name="path">Path of a .tflite file with the short- or full-range BlazeFace graph.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a BlazeFace model or is damaged; the message says where.</exception>
    public static BlazeFaceModel FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
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
    /// <param name="data">The .tflite file's bytes; the model keeps a reference, so do not change them afterwards.</param>
    /// <exception cref="InvalidDataException">The data is not a BlazeFace model or is damaged.</exception>
    public static BlazeFaceModel FromBytes(ReadOnlyMemory<byte> data)
    {
        if (data.Length > MaxFileBytes)
        {
            throw new InvalidDataException($"A {data.Length}-byte model is larger than the {MaxFileBytes}-byte limit for BlazeFace models.");
        }

        return Load(data, "bytes");
    }

    /// <summary>Creates a session that runs the bare network, with its own activation buffers.</summary>
    public BlazeFaceNetworkSession CreateSession() => new(this, KernelSet.Default);

    /// <summary>Builds a network with its own activations and packed weights.</summary>
    internal BlazeFaceNetwork CreateNetwork(KernelSet kernels, bool shareActivations = true) => NetworkFactory.Create(File, kernels, shareActivations);

    private static BlazeFaceModel Load(ReadOnlyMemory<byte> data, string source)
    {
        TfliteModel file = TfliteModel.Parse(data);
        BlazeFaceModelKind kind = NetworkFactory.DetectKind(file);

        // Build once now so a bad graph or weight is reported by the load, not by the first detector. Without shared
        // activations nothing but the weights is allocated, since a network that never runs never touches its outputs.
        NetworkFactory.Create(file, KernelSet.Scalar, shareActivations: false);
        return new BlazeFaceModel(file, kind, source);
    }

    private static BlazeFaceModel FromResource(string name)
    {
        using Stream stream = typeof(BlazeFaceModel).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The bundled model '{name}' is missing from the assembly.");
        return Load(ReadAll(stream), name);
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
