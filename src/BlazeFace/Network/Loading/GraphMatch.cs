namespace BlazeFace.Network.Loading;

/// <summary>How a model file's graph compares with a rebuilt network.</summary>
/// <param name="IsMatch">Whether the file is exactly the network: every operator, shape, option and connection.</param>
/// <param name="MatchedLayers">How many layers were found in the file before the first difference (all of them when it matches).</param>
/// <param name="FirstDifference">The first difference, as a sentence; null when the file matches.</param>
/// <param name="Weights">Where each weight lives in the file; null unless the file matches.</param>
internal readonly record struct GraphMatch(bool IsMatch, int MatchedLayers, string? FirstDifference, WeightSources? Weights);
