namespace BlazeFace.PostProcessing.Suppression;

/// <summary>
/// MediaPipe's WEIGHTED non-maximum suppression, the one its face detection graphs use, as a pluggable stage: the best
/// remaining candidate and every remaining candidate overlapping it by more than <see cref="IouThreshold"/> form a
/// cluster, which becomes one detection with the best candidate's score and the cluster's score-weighted mean box and
/// keypoints; the cluster is removed and the process repeats.
/// </summary>
/// <remarks>
/// <para>Deliberate differences from MediaPipe's <c>non_max_suppression_calculator.cc</c>:</para>
/// <list type="bullet">
/// <item>Equal scores are taken in input order (<see cref="SuppressionCore"/>'s tie rule); MediaPipe's <c>std::sort</c> leaves them unordered.</item>
/// <item>
/// The best candidate always belongs to its own cluster. MediaPipe tests it against itself like any other, so an
/// empty box (IoU 0) or a threshold of 1 leaves it out, and MediaPipe then emits it unmerged and stops, dropping
/// every remaining candidate.
/// </item>
/// <item>
/// Output stops when <c>destination</c> is full; MediaPipe's weighted path ignores <c>max_num_detections</c>. Since
/// clusters come out best first, this is the same as truncating MediaPipe's output.
/// </item>
/// </list>
/// <para>Instances are immutable and safe to share between threads; <see cref="Suppress"/> does not allocate.</para>
/// </remarks>
internal sealed class WeightedNonMaxSuppression(float iouThreshold) : INonMaxSuppression
{
    /// <summary>Intersection over union with a cluster's best candidate above which (strictly) a candidate joins the cluster, in [0, 1].</summary>
    public float IouThreshold { get; } = SuppressionCore.CheckThreshold(iouThreshold, nameof(iouThreshold));

    /// <inheritdoc/>
    /// <remarks>The candidates are left in place.</remarks>
    /// <exception cref="ArgumentException"><paramref name="destination"/> overlaps <paramref name="candidates"/>.</exception>
    public int Suppress(Span<FaceCandidate> candidates, Span<FaceCandidate> destination) =>
        SuppressionCore.Weighted(candidates, IouThreshold, destination);
}
