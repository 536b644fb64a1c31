namespace BlazeFace.PostProcessing;

/// <summary>Turns the network's raw outputs into candidate detections: the first post-processing stage.</summary>
/// <remarks>Implementations must not allocate per call if the detector is to stay allocation-free.</remarks>
public interface IAnchorDecoder
{
    /// <summary>
    /// Decodes every anchor whose score reaches <paramref name="minScore"/> into <paramref name="destination"/>,
    /// with coordinates normalised to the model input ([0, 1], not clipped).
    /// </summary>
    /// <param name="raw">The network outputs and anchors.</param>
    /// <param name="minScore">Candidates scoring below this are dropped.</param>
    /// <param name="destination">Receives the candidates; room for one per anchor is always enough.</param>
    /// <returns>The number of candidates written.</returns>
    int Decode(RawDetections raw, float minScore, Span<FaceCandidate> destination);
}
