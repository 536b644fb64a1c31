namespace BlazeFace.PostProcessing;

/// <summary>Turns the network's raw outputs into candidate detections: the first post-processing stage.</summary>
/// <remarks>Implementations must not allocate per call if the detector is to stay allocation-free.</remarks>
public interface IAnchorDecoder
{
    /// <summary>
    /// Decodes every anchor whose score reaches <paramref name="minScore"/> into <paramref name="destination"/>,
    /// with coordinates normalised to the model input ([0, 1], not clipped).
    /// </summary>
    /// <param name="model">The model whose outputs these are: its <see cref="BlazeFaceModel.Anchors"/> and <see cref="BlazeFaceModel.InputSize"/>.</param>
    /// <param name="regressors">The network's first output: 16 values per anchor, in anchor order.</param>
    /// <param name="scoreLogits">The network's second output: one score logit per anchor.</param>
    /// <param name="minScore">Candidates scoring below this are dropped.</param>
    /// <param name="destination">Receives the candidates; room for one per anchor is always enough.</param>
    /// <returns>The number of candidates written.</returns>
    int Decode(BlazeFaceModel model, ReadOnlySpan<float> regressors, ReadOnlySpan<float> scoreLogits, float minScore, Span<FaceCandidate> destination);
}
