using System.Collections.Immutable;
using BlazeFace.Kernels;
using BlazeFace.Models.Specs;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;
using BlazeFace.Network.Architectures;
using BlazeFace.Network.Loading;

namespace BlazeFace.Models;

/// <summary>
/// Every model the library can load, and how a file is recognised as one of them: by its whole graph (input and
/// output names and shapes, every operator with its options and connections), as the architecture rebuilds it.
/// </summary>
internal static class ModelCatalog
{
    // One line per model: its spec and its architecture.
    private static ImmutableArray<ModelEntry> s_entries =
    [
        new(ModelSpecs.ShortRange, ShortRangeArchitecture.Build),
        new(ModelSpecs.FullRange, FullRangeArchitecture.Build),
        new(ModelSpecs.FullRangeSparse, FullRangeSparseArchitecture.Build),
        new(ModelSpecs.BackCamera, BackCameraArchitecture.Build),
        new(ModelSpecs.FaceLandmarks, FaceLandmarkArchitecture.Build),
    ];

    /// <summary>The models a file is matched against, in registration order.</summary>
    public static ImmutableArray<ModelEntry> Entries => s_entries;

    /// <summary>Adds a model; disposing the result removes it again.</summary>
    /// <exception cref="ArgumentException">A model of the same name is registered already.</exception>
    public static IDisposable Register(ModelEntry entry)
    {
        ImmutableInterlocked.Update(ref s_entries, entries => entries.Any(e => e.Spec.Name == entry.Spec.Name)
            ? throw new ArgumentException($"A model named '{entry.Spec.Name}' is registered already.", nameof(entry))
            : entries.Add(entry));
        return new Registration(entry);
    }

    /// <summary>The registered model whose graph the file has.</summary>
    /// <exception cref="InvalidDataException">The file's graph is none of them; the message names the closest and its first difference.</exception>
    public static ModelEntry Recognize(TfliteModel file)
    {
        ImmutableArray<ModelEntry> entries = s_entries;
        ModelEntry? closest = null;
        GraphMatch closestMatch = default;
        foreach (ModelEntry entry in entries)
        {
            GraphMatch match = GraphVerifier.Match(entry.BuildNetwork(KernelSet.Scalar), file);
            if (match.IsMatch)
            {
                return entry;
            }

            if (closest is null || match.MatchedLayers > closestMatch.MatchedLayers)
            {
                (closest, closestMatch) = (entry, match);
            }
        }

        string known = string.Join(", ", entries.Select(entry => entry.Spec.Name));
        throw new InvalidDataException(closest is null
            ? "No model is registered."
            : $"The file is none of the known models ({known}). Closest is the {closest.Spec.Name} model ({closestMatch.MatchedLayers} layers alike); first difference: {closestMatch.FirstDifference}");
    }

    private sealed class Registration(ModelEntry entry) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref s_entries, entries => entries.Remove(entry));
    }
}
