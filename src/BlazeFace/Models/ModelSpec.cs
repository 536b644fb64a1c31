namespace BlazeFace.Models;

/// <summary>
/// What is true of one model and cannot be read from its file: its name, its bundled copy, the names its outputs get
/// when exported, and what the stage after the network needs to read them (MediaPipe's settings). The graph itself
/// is its architecture's (<c>Network/Architectures</c>), and a file is recognised by that graph
/// (<see cref="ModelCatalog.Recognize"/>). Adding a model is its spec (a file in <c>Models/Specs</c>), its
/// architecture, and one line in <see cref="ModelCatalog"/>.
/// </summary>
internal sealed class ModelSpec
{
    /// <summary>How the library and its messages name the model ("short-range").</summary>
    public required string Name { get; init; }

    /// <summary>The file name of the bundled copy under <c>assets/models</c> (also its resource name after <c>BlazeFace.Models.</c>); null for a model that is not bundled.</summary>
    public string? BundledFileName { get; init; }

    /// <summary>The exported names of the network's outputs, in the network's output order.</summary>
    public required IReadOnlyList<string> OutputNames { get; init; }

    /// <summary>One sentence on the input and outputs, for the exported file's documentation.</summary>
    public required string Description { get; init; }

    /// <summary>For a face detector: its anchors and MediaPipe's thresholds. Null for other models.</summary>
    public DetectorSpec? Detector { get; init; }

    public override string ToString() => Name;
}
