using BlazeFace.Kernels;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;
using BlazeFace.PostProcessing;

namespace BlazeFace.Models;

/// <summary>
/// Everything that is true of one BlazeFace model, in one place: its input size, the architecture that rebuilds its
/// network, its anchor layout and MediaPipe's thresholds for it. Adding a model means one spec (a file in
/// <c>Models/Specs</c>) and one architecture (a file in <c>Network/Architectures</c>), plus its line in <see cref="All"/>.
/// </summary>
internal sealed partial class ModelSpec
{
    private readonly Func<NetworkBuilder, BlazeFaceNetwork> _architecture;
    private readonly Lazy<Anchor[]> _anchors;

    private ModelSpec(
        BlazeFaceModelKind kind,
        string name,
        string bundledFileName,
        int inputSize,
        Func<NetworkBuilder, BlazeFaceNetwork> architecture,
        AnchorLayout anchorLayout,
        float defaultMinScore,
        float defaultIouThreshold)
    {
        Kind = kind;
        Name = name;
        BundledFileName = bundledFileName;
        InputSize = inputSize;
        _architecture = architecture;
        DefaultMinScore = defaultMinScore;
        DefaultIouThreshold = defaultIouThreshold;
        AnchorOptions = new SsdAnchorOptions
        {
            NumLayers = anchorLayout.Strides.Length,
            MinScale = anchorLayout.MinScale,
            MaxScale = anchorLayout.MaxScale,
            InputWidth = inputSize,
            InputHeight = inputSize,
            Strides = anchorLayout.Strides,
            AspectRatios = [1.0f],
            InterpolatedScaleAspectRatio = anchorLayout.InterpolatedScaleAspectRatio,
            FixedAnchorSize = true,
        };
        _anchors = new Lazy<Anchor[]>(() => SsdAnchorGenerator.Generate(AnchorOptions));
    }

    private static ModelSpec[]? s_all;

    /// <summary>Every model the library knows, in the order a file is matched against them.</summary>
    /// <remarks>Built on first use: the specs are initialised in separate files, in no defined order.</remarks>
    public static IReadOnlyList<ModelSpec> All => s_all ??= [ShortRange, FullRange, BackCamera];

    public BlazeFaceModelKind Kind { get; }

    /// <summary>How messages name the model ("short-range").</summary>
    public string Name { get; }

    /// <summary>The file name of the bundled copy, which is also its resource name under <c>BlazeFace.Models.</c>.</summary>
    public string BundledFileName { get; }

    /// <summary>Side of the square input in pixels.</summary>
    public int InputSize { get; }

    /// <summary>MediaPipe's <c>SsdAnchorsCalculatorOptions</c> for the model.</summary>
    public SsdAnchorOptions AnchorOptions { get; }

    /// <summary>The anchors, in the network's output order; generated once and shared.</summary>
    public ReadOnlySpan<Anchor> Anchors => _anchors.Value;

    /// <summary>MediaPipe's <c>min_score_thresh</c> for the model.</summary>
    public float DefaultMinScore { get; }

    /// <summary>MediaPipe's <c>min_suppression_threshold</c> for the model.</summary>
    public float DefaultIouThreshold { get; }

    /// <summary>The spec whose input shape the file has.</summary>
    /// <exception cref="InvalidDataException">The file is not shaped like any BlazeFace model.</exception>
    public static ModelSpec Recognize(TfliteModel file)
    {
        if (file.Inputs.Count != 1)
        {
            throw new InvalidDataException($"A BlazeFace model has one input; this file has {file.Inputs.Count}.");
        }

        IReadOnlyList<int> shape = file.Tensors[file.Inputs[0]].Shape;
        foreach (ModelSpec spec in All)
        {
            if (shape is [1, var height, var width, 3] && height == spec.InputSize && width == spec.InputSize)
            {
                return spec;
            }
        }

        string known = string.Join(", ", All.Select(spec => $"[1, {spec.InputSize}, {spec.InputSize}, 3] ({spec.Name})"));
        throw new InvalidDataException($"The model's input has shape [{string.Join(", ", shape)}]; BlazeFace models take {known}.");
    }

    /// <summary>Rebuilds the network's layers (no weights yet) on <paramref name="kernels"/>.</summary>
    public BlazeFaceNetwork BuildNetwork(KernelSet kernels) => _architecture(new NetworkBuilder(this, kernels));

    public override string ToString() => Name;

    /// <summary>The parts of an anchor layout that differ between BlazeFace models; all use square, fixed-size anchors.</summary>
    private readonly record struct AnchorLayout(int[] Strides, float MinScale, float MaxScale, float InterpolatedScaleAspectRatio);
}
