namespace BlazeFace.PostProcessing;

/// <summary>Merges or removes overlapping candidates: the second post-processing stage.</summary>
/// <remarks>Implementations must not allocate per call if the detector is to stay allocation-free.</remarks>
public interface INonMaxSuppression
{
    /// <summary>Suppresses overlapping candidates and writes the survivors, best first.</summary>
    /// <param name="candidates">The decoded candidates, in any order; an implementation may reorder them in place.</param>
    /// <param name="destination">Receives at most <c>destination.Length</c> detections.</param>
    /// <returns>The number of detections written.</returns>
    int Suppress(Span<FaceCandidate> candidates, Span<FaceCandidate> destination);
}
