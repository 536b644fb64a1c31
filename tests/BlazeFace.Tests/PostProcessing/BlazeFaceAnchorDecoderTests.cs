using BlazeFace.Tests.Support;
using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Anchors;
using BlazeFace.PostProcessing.Decoding;

namespace BlazeFace.Tests.PostProcessing;

public class BlazeFaceAnchorDecoderTests
{
    private const float Tolerance = 1e-6f;

    private static readonly BlazeFaceAnchorDecoder Decoder = new();

    [Test]
    public void ZeroRegressorsDecodeToAZeroSizeBoxCentredOnTheAnchor()
    {
        var raw = new RawDetectionBuffers(new Anchor(0.25f, 0.75f, 1f, 1f));
        var destination = new FaceCandidate[1];

        int count = raw.Decode(Decoder, 0.5f, destination);

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(1));
            Assert.That(destination[0].Score, Is.EqualTo(0.5f), "sigmoid(0)");
            Assert.That(destination[0].BoundingBox, Is.EqualTo(new FaceBox(0.25f, 0.75f, 0f, 0f)));
            Assert.That(destination[0].Keypoints.Select(k => (k.X, k.Y)), Has.All.EqualTo((0.25f, 0.75f)));
        });
    }

    [Test]
    public void RegressorsAreInputPixelsScaledByTheAnchorSize()
    {
        // Input 128 x 64 so that swapped axes would show. Regressors (x, y, w, h) = (12.8, -6.4, 32, 16) are
        // (0.1, -0.1, 0.25, 0.25) of the input; keypoint 0 = (25.6, 6.4) -> (0.2, 0.1); keypoint 5 = (-12.8, 0) -> (-0.1, 0).
        // Anchor A (0.5, 0.5, 1, 1): centre (0.6, 0.4), size 0.25 x 0.25, box (0.475, 0.275); keypoints (0.7, 0.6), (0.4, 0.5).
        // Anchor B (0.25, 0.75, 2, 0.5): centre (0.1 * 2 + 0.25, -0.1 * 0.5 + 0.75) = (0.45, 0.7),
        // size (0.5, 0.125), box (0.2, 0.6375); keypoints (0.65, 0.8), (0.05, 0.75).
        var raw = new RawDetectionBuffers(new Anchor(0.5f, 0.5f, 1f, 1f), new Anchor(0.25f, 0.75f, 2f, 0.5f));
        for (int i = 0; i < 2; i++)
        {
            Span<float> r = raw.RegressorsOf(i);
            (r[0], r[1], r[2], r[3]) = (12.8f, -6.4f, 32f, 16f);
            (r[4], r[5]) = (25.6f, 6.4f);
            (r[14], r[15]) = (-12.8f, 0f);
        }

        var destination = new FaceCandidate[2];
        int count = raw.Decode(Decoder, 0.5f, destination, 128, 64);

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(2));
            AssertBox(destination[0].BoundingBox, 0.475f, 0.275f, 0.25f, 0.25f);
            AssertPoint(destination[0].Keypoints.RightEye, 0.7f, 0.6f);
            AssertPoint(destination[0].Keypoints.LeftEarTragion, 0.4f, 0.5f);
            AssertBox(destination[1].BoundingBox, 0.2f, 0.6375f, 0.5f, 0.125f);
            AssertPoint(destination[1].Keypoints.RightEye, 0.65f, 0.8f);
            AssertPoint(destination[1].Keypoints.LeftEarTragion, 0.05f, 0.75f);
        });
    }

    [Test]
    public void ScoreIsTheSigmoidOfTheLogit()
    {
        var raw = new RawDetectionBuffers(new Anchor(0.5f, 0.5f, 1f, 1f));
        raw.Logits[0] = 2f;
        var destination = new FaceCandidate[1];

        raw.Decode(Decoder, 0.5f, destination);

        Assert.That(destination[0].Score, Is.EqualTo(0.8807971f).Within(Tolerance), "1 / (1 + e^-2)");
    }

    [Test]
    public void ScoreThresholdIsInclusive()
    {
        // Logit 0 scores exactly 0.5.
        var raw = new RawDetectionBuffers(new Anchor(0.5f, 0.5f, 1f, 1f));
        var destination = new FaceCandidate[1];

        Assert.Multiple(() =>
        {
            Assert.That(raw.Decode(Decoder, 0.5f, destination), Is.EqualTo(1));
            Assert.That(raw.Decode(Decoder, MathF.BitIncrement(0.5f), destination), Is.Zero);
        });
    }

    [Test]
    public void HugeLogitIsClippedTo100BeforeTheSigmoid()
    {
        var raw = new RawDetectionBuffers(new Anchor(0.5f, 0.5f, 1f, 1f));
        raw.Logits[0] = 1e6f;
        var destination = new FaceCandidate[1];

        raw.Decode(Decoder, 0.5f, destination);

        Assert.Multiple(() =>
        {
            Assert.That(destination[0].Score, Is.EqualTo(1f / (1f + MathF.Exp(-100f))));
            Assert.That(destination[0].Score, Is.EqualTo(1f).Within(Tolerance));
        });
    }

    [Test]
    public void ClippingThresholdIsConfigurable()
    {
        var raw = new RawDetectionBuffers(new Anchor(0.5f, 0.5f, 1f, 1f));
        raw.Logits[0] = 50f;
        var destination = new FaceCandidate[1];

        raw.Decode(new BlazeFaceAnchorDecoder(scoreClippingThreshold: 2f), 0.5f, destination);

        Assert.That(destination[0].Score, Is.EqualTo(0.8807971f).Within(Tolerance), "sigmoid(2)");
    }

    [TestCase(0.5f)]
    [TestCase(0.75f)]
    [TestCase(0.99f)]
    [TestCase(0.9999f)]
    [TestCase(0.9999999f)]
    [TestCase(1e-30f)]
    public void KeepsExactlyTheAnchorsWhoseFloatScoreReachesMinScore(float minScore)
    {
        // Logits packed around logit(minScore), where the cheap logit pre-test and the float sigmoid could disagree.
        const int Count = 4001;
        float centre = (float)Math.Log(minScore / (1.0 - minScore));
        var raw = new RawDetectionBuffers(Enumerable.Repeat(new Anchor(0.5f, 0.5f, 1f, 1f), Count).ToArray());
        for (int i = 0; i < Count; i++)
        {
            raw.Logits[i] = centre + ((i - (Count / 2)) * 1e-4f * MathF.Max(1f, MathF.Abs(centre)));
        }

        int expected = raw.Logits.Count(logit => 1f / (1f + MathF.Exp(-Math.Clamp(logit, -100f, 100f))) >= minScore);

        int count = raw.Decode(Decoder, minScore, new FaceCandidate[Count]);

        Assert.That(count, Is.EqualTo(expected));
    }

    [Test]
    public void CandidatesComeOutInAnchorOrderFromEveryPosition()
    {
        // 37 anchors cover whole vector blocks and a scalar tail; survivors sit at block edges and in the tail.
        int[] survivors = [0, 5, 7, 8, 15, 16, 31, 32, 36];
        var raw = new RawDetectionBuffers(Enumerable.Range(0, 37).Select(i => new Anchor(i / 100f, 0.5f, 1f, 1f)).ToArray());
        Array.Fill(raw.Logits, -10f);
        foreach (int i in survivors)
        {
            raw.Logits[i] = 3f;
        }

        var destination = new FaceCandidate[37];
        int count = raw.Decode(Decoder, 0.5f, destination);

        Assert.That(destination.Take(count).Select(d => d.BoundingBox.X), Is.EqualTo(survivors.Select(i => i / 100f)));
    }

    [Test]
    public void NegativeSizeBoxesAreDroppedAsMediaPipeDoes()
    {
        var raw = new RawDetectionBuffers(new Anchor(0.5f, 0.5f, 1f, 1f), new Anchor(0.5f, 0.5f, 1f, 1f));
        raw.RegressorsOf(0)[2] = -1f;
        raw.RegressorsOf(1)[3] = float.NaN;

        int count = raw.Decode(Decoder, 0.5f, new FaceCandidate[2]);

        Assert.That(count, Is.Zero);
    }

    [Test]
    public void MinScoreOfZeroKeepsEveryAnchorEvenAtTheClippedLowest()
    {
        var raw = new RawDetectionBuffers(new Anchor(0.5f, 0.5f, 1f, 1f), new Anchor(0.5f, 0.5f, 1f, 1f));
        raw.Logits[0] = -1e6f;

        Assert.That(raw.Decode(Decoder, 0f, new FaceCandidate[2]), Is.EqualTo(2));
    }

    [Test]
    public void MinScoreAboveOneKeepsNothing()
    {
        var raw = new RawDetectionBuffers(new Anchor(0.5f, 0.5f, 1f, 1f));
        raw.Logits[0] = float.PositiveInfinity;

        Assert.That(raw.Decode(Decoder, 1.5f, new FaceCandidate[1]), Is.Zero);
    }

    [Test]
    public void DestinationShorterThanTheAnchorsThrows()
    {
        var raw = new RawDetectionBuffers(new Anchor(0.5f, 0.5f, 1f, 1f), new Anchor(0.5f, 0.5f, 1f, 1f));

        Assert.That(
            () => raw.Decode(Decoder, 0.5f, new FaceCandidate[1]),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("destination"));
    }

    [Test]
    public void NaNMinScoreThrows()
    {
        var raw = new RawDetectionBuffers(new Anchor(0.5f, 0.5f, 1f, 1f));

        Assert.That(() => raw.Decode(Decoder, float.NaN, new FaceCandidate[1]), Throws.ArgumentException);
    }

    [TestCase(0f)]
    [TestCase(-1f)]
    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    public void NonPositiveOrNonFiniteClippingThresholdThrows(float threshold) =>
        Assert.That(() => new BlazeFaceAnchorDecoder(threshold), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void DecodingDoesNotAllocate()
    {
        Anchor[] anchors = BlazeFaceModel.ShortRange.Anchors.ToArray();
        var raw = new RawDetectionBuffers(anchors);
        Array.Fill(raw.Logits, -10f);
        raw.Logits[100] = 4f;
        raw.Logits[101] = 3f;
        raw.Logits[600] = 2f;
        var destination = new FaceCandidate[anchors.Length];

        long allocated = AllocationProbe.FewestBytesPerCall(() => raw.Decode(Decoder, 0.5f, destination));

        Assert.That(allocated, Is.Zero);
    }

    private static void AssertBox(FaceBox box, float x, float y, float width, float height)
    {
        Assert.That(box.X, Is.EqualTo(x).Within(Tolerance), "x");
        Assert.That(box.Y, Is.EqualTo(y).Within(Tolerance), "y");
        Assert.That(box.Width, Is.EqualTo(width).Within(Tolerance), "width");
        Assert.That(box.Height, Is.EqualTo(height).Within(Tolerance), "height");
    }

    private static void AssertPoint(FaceKeypoint point, float x, float y)
    {
        Assert.That(point.X, Is.EqualTo(x).Within(Tolerance), $"{point.Name} x");
        Assert.That(point.Y, Is.EqualTo(y).Within(Tolerance), $"{point.Name} y");
    }
}
