namespace BlazeFace.PostProcessing.Suppression;

/// <summary>
/// Classic greedy non-maximum suppression as a pluggable stage: candidates are taken best first and one is kept
/// unless it overlaps an already kept detection by more than <see cref="IouThreshold"/>. Boxes are never merged.
/// </summary>
/// <remarks>
/// This is the BlazeFace paper's baseline and the PyTorch ports' default, and MediaPipe's DEFAULT algorithm in
/// <c>NonMaxSuppressionCalculator</c>. MediaPipe's face graphs use <see cref="WeightedNonMaxSuppression"/> instead,
/// which is steadier from frame to frame. The loop and its tie rule are <see cref="SuppressionCore"/>'s. Instances
/// are immutable and safe to share between threads; <see cref="Suppress"/> does not allocate.
/// </remarks>
internal sealed class HardNonMaxSuppression(float iouThreshold) : INonMaxSuppression
{
    /// <summary>Intersection over union above which (strictly) a candidate is suppressed, in [0, 1].</summary>
    public float IouThreshold { get; } = SuppressionCore.CheckThreshold(iouThreshold, nameof(iouThreshold));

    /// <inheritdoc/>
    /// <remarks>The candidates are left in place. Stops as soon as <paramref name="destination"/> is full.</remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> overlaps <paramref name="candidates"/>.</exception>
    public int Suppress(Span<FaceCandidate> candidates, Span<FaceCandidate> destination) =>
        SuppressionCore.Hard<FaceCandidate>(candidates, IouThreshold, destination);
}
