using System.Numerics;

namespace BlazeFace.PostProcessing.Decoding;

/// <summary>
/// Decodes BlazeFace's regressors and score logits against its anchors, with the semantics of MediaPipe's
/// <c>TensorsToDetectionsCalculator</c> as the face detection graphs configure it (x, y, w, h order, i.e.
/// <c>reverse_output_order: true</c>; all scales equal to the model input size; sigmoid scores with clipping).
/// </summary>
/// <remarks>
/// <para>
/// For anchor <c>a</c> with regressors <c>r</c> on a W x H input: centre = (r0 / W · a.Width + a.CenterX,
/// r1 / H · a.Height + a.CenterY), size = (r2 / W · a.Width, r3 / H · a.Height), keypoint k =
/// (r[4 + 2k] / W · a.Width + a.CenterX, r[5 + 2k] / H · a.Height + a.CenterY), score =
/// sigmoid(clamp(logit, ±<see cref="ScoreClippingThreshold"/>)). Candidates are written in anchor order.
/// </para>
/// <para>
/// Like MediaPipe, an anchor whose decoded width or height is negative or NaN is dropped even if its score
/// passes, because later stages (and <see cref="FaceBox"/>'s contract) assume non-negative sizes.
/// </para>
/// <para>Instances are immutable and safe to share between threads; <c>Decode</c> does not allocate.</para>
/// </remarks>
internal sealed class BlazeFaceAnchorDecoder : IAnchorDecoder
{
    /// <summary>The values per anchor: box centre x, y, width, height, then six keypoints x, y.</summary>
    public const int ValuesPerAnchor = 16;

    /// <summary>Creates a decoder with MediaPipe's clipping threshold for BlazeFace score logits, 100.</summary>
    public BlazeFaceAnchorDecoder()
        : this(100f)
    {
    }

    /// <summary>Creates a decoder.</summary>
    /// <param name="scoreClippingThreshold">Logits are clamped to ± this before the sigmoid; positive and finite.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scoreClippingThreshold"/> is not positive and finite.</exception>
    public BlazeFaceAnchorDecoder(float scoreClippingThreshold)
    {
        if (!float.IsFinite(scoreClippingThreshold) || scoreClippingThreshold <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scoreClippingThreshold), scoreClippingThreshold, "The clipping threshold must be positive and finite.");
        }

        ScoreClippingThreshold = scoreClippingThreshold;
    }

    /// <summary>Score logits are clamped to ± this before the sigmoid.</summary>
    public float ScoreClippingThreshold { get; }

    /// <inheritdoc/>
    /// <remarks>A <paramref name="minScore"/> of 0 or less keeps every anchor (with a valid box); above 1 keeps none.</remarks>
    /// <exception cref="ArgumentException">
    /// An output does not have the model's length, <paramref name="destination"/> has room for fewer candidates than
    /// there are anchors, or <paramref name="minScore"/> is NaN.
    /// </exception>
    public int Decode(BlazeFaceModel model, ReadOnlySpan<float> regressors, ReadOnlySpan<float> scoreLogits, float minScore, Span<FaceCandidate> destination) =>
        Decode(regressors, scoreLogits, model.Anchors, model.InputSize, model.InputSize, minScore, destination);

    /// <summary>Decodes outputs relative to any anchors, on an input of any size.</summary>
    /// <inheritdoc cref="Decode(BlazeFaceModel, ReadOnlySpan{float}, ReadOnlySpan{float}, float, Span{FaceCandidate})"/>
    public int Decode(
        ReadOnlySpan<float> regressors, ReadOnlySpan<float> scoreLogits, ReadOnlySpan<Anchor> anchors, int inputWidth, int inputHeight, float minScore, Span<FaceCandidate> destination)
    {
        var raw = new RawOutputs(regressors, scoreLogits, anchors, inputWidth, inputHeight);

        // Requiring room for every anchor up front keeps the contract simple: no candidate is ever silently lost
        // to a short buffer, and the loop needs no bounds decisions.
        if (destination.Length < raw.Anchors.Length)
        {
            throw new ArgumentException($"Destination has room for {destination.Length} candidates; {raw.Anchors.Length} anchors need one each.", nameof(destination));
        }

        if (float.IsNaN(minScore))
        {
            throw new ArgumentException("The minimum score must be a number.", nameof(minScore));
        }

        // Almost every anchor is background. Comparing raw logits against logit(minScore) rejects those with one
        // comparison each (and a whole vector of them at a time) instead of an exp and a division; only the few
        // survivors pay for the sigmoid, and their actual score decides, exactly as in MediaPipe.
        float logitBound = SurvivorLogitBound.For(minScore, ScoreClippingThreshold);
        ReadOnlySpan<float> logits = raw.ScoreLogits;
        Span<float> keypointScratch = stackalloc float[2 * FaceKeypoints.Count];
        int written = 0;
        int index = 0;

        if (Vector.IsHardwareAccelerated)
        {
            var bound = new Vector<float>(logitBound);
            for (; index <= logits.Length - Vector<float>.Count; index += Vector<float>.Count)
            {
                if (!Vector.GreaterThanOrEqualAny(new Vector<float>(logits[index..]), bound))
                {
                    continue;
                }

                int blockEnd = index + Vector<float>.Count;
                for (int lane = index; lane < blockEnd; lane++)
                {
                    written += DecodeIfSurvivor(raw, lane, logitBound, minScore, keypointScratch, destination, written);
                }
            }
        }

        for (; index < logits.Length; index++)
        {
            written += DecodeIfSurvivor(raw, index, logitBound, minScore, keypointScratch, destination, written);
        }

        return written;
    }

    /// <summary>Decodes anchor <paramref name="index"/> into <c>destination[written]</c> if it survives; returns 1 if it did, else 0.</summary>
    private int DecodeIfSurvivor(
        in RawOutputs raw, int index, float logitBound, float minScore, Span<float> keypointScratch, Span<FaceCandidate> destination, int written)
    {
        float logit = raw.ScoreLogits[index];
        if (!(logit >= logitBound))
        {
            return 0;
        }

        float clipped = Math.Clamp(logit, -ScoreClippingThreshold, ScoreClippingThreshold);
        float score = 1f / (1f + MathF.Exp(-clipped));
        if (score < minScore)
        {
            return 0;
        }

        Anchor anchor = raw.Anchors[index];
        ReadOnlySpan<float> r = raw.Regressors.Slice(index * ValuesPerAnchor, ValuesPerAnchor);
        float inputWidth = raw.InputWidth;
        float inputHeight = raw.InputHeight;

        float width = r[2] / inputWidth * anchor.Width;
        float height = r[3] / inputHeight * anchor.Height;
        if (!(width >= 0 && height >= 0))
        {
            return 0;
        }

        float centerX = (r[0] / inputWidth * anchor.Width) + anchor.CenterX;
        float centerY = (r[1] / inputHeight * anchor.Height) + anchor.CenterY;
        for (int k = 0; k < FaceKeypoints.Count; k++)
        {
            keypointScratch[2 * k] = (r[4 + (2 * k)] / inputWidth * anchor.Width) + anchor.CenterX;
            keypointScratch[(2 * k) + 1] = (r[5 + (2 * k)] / inputHeight * anchor.Height) + anchor.CenterY;
        }

        // MediaPipe stores xmin and xmax and takes width = xmax - xmin; keeping the decoded width itself avoids
        // that round trip's rounding (a difference in the last bit at most).
        var box = new FaceBox(centerX - (width / 2f), centerY - (height / 2f), width, height);
        destination[written] = new FaceCandidate(score, box, new FaceKeypoints(keypointScratch));
        return 1;
    }

    /// <summary>The outputs of one run, checked against the anchors they belong to.</summary>
    private readonly ref struct RawOutputs
    {
        public RawOutputs(ReadOnlySpan<float> regressors, ReadOnlySpan<float> scoreLogits, ReadOnlySpan<Anchor> anchors, int inputWidth, int inputHeight)
        {
            if (scoreLogits.Length != anchors.Length)
            {
                throw new ArgumentException($"Expected one score logit per anchor ({anchors.Length}), got {scoreLogits.Length}.", nameof(scoreLogits));
            }

            if (regressors.Length != anchors.Length * ValuesPerAnchor)
            {
                throw new ArgumentException($"Expected {ValuesPerAnchor} regressor values per anchor ({anchors.Length * ValuesPerAnchor}), got {regressors.Length}.", nameof(regressors));
            }

            Regressors = regressors;
            ScoreLogits = scoreLogits;
            Anchors = anchors;
            InputWidth = inputWidth;
            InputHeight = inputHeight;
        }

        public ReadOnlySpan<float> Regressors { get; }

        public ReadOnlySpan<float> ScoreLogits { get; }

        public ReadOnlySpan<Anchor> Anchors { get; }

        public int InputWidth { get; }

        public int InputHeight { get; }
    }
}
