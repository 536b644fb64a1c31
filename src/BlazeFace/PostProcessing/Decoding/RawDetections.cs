namespace BlazeFace.PostProcessing;

/// <summary>
/// The network's raw outputs for one frame, with the anchors they are relative to: the input of an
/// <see cref="IAnchorDecoder"/>.
/// </summary>
/// <remarks>The spans are valid only during the call they are passed to.</remarks>
public readonly ref struct RawDetections
{
    /// <summary>Values per anchor in <see cref="Regressors"/>: box centre and size, then six keypoints (x, y).</summary>
    public static int ValuesPerAnchor => 16;

    /// <summary>Creates the view and checks that the three spans agree in length.</summary>
    /// <param name="regressors">Anchor count x 16 values.</param>
    /// <param name="scoreLogits">One raw (pre-sigmoid) score per anchor.</param>
    /// <param name="anchors">The anchors, in the network's output order.</param>
    /// <param name="inputWidth">Width of the model input in pixels; the regressors are in these pixels.</param>
    /// <param name="inputHeight">Height of the model input in pixels.</param>
    /// <exception cref="ArgumentException">The lengths disagree or a size is not positive.</exception>
    public RawDetections(ReadOnlySpan<float> regressors, ReadOnlySpan<float> scoreLogits, ReadOnlySpan<Anchor> anchors, int inputWidth, int inputHeight)
    {
        if (scoreLogits.Length != anchors.Length)
        {
            throw new ArgumentException($"Expected one score per anchor ({anchors.Length}), got {scoreLogits.Length}.", nameof(scoreLogits));
        }

        if (regressors.Length != anchors.Length * ValuesPerAnchor)
        {
            throw new ArgumentException($"Expected {ValuesPerAnchor} regressor values per anchor ({anchors.Length * ValuesPerAnchor}), got {regressors.Length}.", nameof(regressors));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputHeight);
        Regressors = regressors;
        ScoreLogits = scoreLogits;
        Anchors = anchors;
        InputWidth = inputWidth;
        InputHeight = inputHeight;
    }

    /// <summary>Anchor count x 16 raw regressor values, in model-input pixels relative to each anchor.</summary>
    public ReadOnlySpan<float> Regressors { get; }

    /// <summary>One raw score logit per anchor.</summary>
    public ReadOnlySpan<float> ScoreLogits { get; }

    /// <summary>The anchors, one per output row.</summary>
    public ReadOnlySpan<Anchor> Anchors { get; }

    /// <summary>Width of the model input in pixels.</summary>
    public int InputWidth { get; }

    /// <summary>Height of the model input in pixels.</summary>
    public int InputHeight { get; }
}
