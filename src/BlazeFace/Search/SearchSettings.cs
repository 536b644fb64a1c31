using BlazeFace.PostProcessing;

namespace BlazeFace.Search;

/// <summary>What a multi-window search needs of its detector's settings.</summary>
/// <param name="InputSize">Side of the model's square input in pixels.</param>
/// <param name="ResizeMode">How the whole region is fitted into the input (tiles are square and always letterboxed).</param>
/// <param name="MaxFaces">The most faces one search returns.</param>
/// <param name="IouThreshold">Overlap above which faces from different orientations are one face.</param>
/// <param name="MinScore">The detector's score threshold, from which the bar for a face of another orientation is set.</param>
/// <param name="ClipToImage">Whether boxes are clipped to the image at the end.</param>
/// <param name="Suppression">Merges the faces of all windows of one orientation.</param>
internal sealed record SearchSettings(int InputSize, ResizeMode ResizeMode, int MaxFaces, float IouThreshold, float MinScore, bool ClipToImage, INonMaxSuppression Suppression);
