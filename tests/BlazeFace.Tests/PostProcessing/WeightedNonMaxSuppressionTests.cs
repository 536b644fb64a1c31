using BlazeFace.Tests.Support;
using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Suppression;

namespace BlazeFace.Tests.PostProcessing;

public class WeightedNonMaxSuppressionTests
{
    private const float Tolerance = 1e-6f;

    private static readonly WeightedNonMaxSuppression Suppression = new(0.3f);

    [Test]
    public void AveragesTwoOverlappingBoxesByScoreAndKeepsTheTopScore()
    {
        // A: score 0.9, corners (0, 0)-(1, 1). B: score 0.6, corners (0.1, 0.1)-(1.1, 1.1). IoU = 0.81 / 1.19 = 0.68.
        // Total weight 1.5: xmin = (0 * 0.9 + 0.1 * 0.6) / 1.5 = 0.04, xmax = (1 * 0.9 + 1.1 * 0.6) / 1.5 = 1.04,
        // so the box is (0.04, 0.04) with size 1 x 1, and the score stays 0.9.
        FaceCandidate a = Candidates.Box(0.9f, 0f, 0f, 1f, 1f);
        FaceCandidate b = Candidates.Box(0.6f, 0.1f, 0.1f, 1f, 1f);
        var destination = new FaceCandidate[2];

        int count = Suppression.Suppress(new[] { b, a }, destination);

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(1));
            Assert.That(destination[0].Score, Is.EqualTo(0.9f));
            Assert.That(destination[0].BoundingBox.X, Is.EqualTo(0.04f).Within(Tolerance));
            Assert.That(destination[0].BoundingBox.Y, Is.EqualTo(0.04f).Within(Tolerance));
            Assert.That(destination[0].BoundingBox.Width, Is.EqualTo(1f).Within(Tolerance));
            Assert.That(destination[0].BoundingBox.Height, Is.EqualTo(1f).Within(Tolerance));
        });
    }

    [Test]
    public void AveragesKeypointsByScore()
    {
        // Weights 0.9 / 1.5 = 0.6 and 0.6 / 1.5 = 0.4: x = 0.6 * 0.5 + 0.4 * 1 = 0.7, y = 0.6 * 0.5 + 0.4 * 0 = 0.3.
        FaceCandidate a = Candidates.Box(0.9f, 0f, 0f, 1f, 1f, keypointX: 0.5f, keypointY: 0.5f);
        FaceCandidate b = Candidates.Box(0.6f, 0.1f, 0.1f, 1f, 1f, keypointX: 1f, keypointY: 0f);
        var destination = new FaceCandidate[1];

        Suppression.Suppress(new[] { a, b }, destination);

        Assert.Multiple(() =>
        {
            foreach (FaceKeypoint point in destination[0].Keypoints)
            {
                Assert.That(point.X, Is.EqualTo(0.7f).Within(Tolerance), $"{point.Name} x");
                Assert.That(point.Y, Is.EqualTo(0.3f).Within(Tolerance), $"{point.Name} y");
            }
        });
    }

    [Test]
    public void KeepsNonOverlappingBoxesBestFirst()
    {
        FaceCandidate left = Candidates.Box(0.7f, 0f, 0f, 1f, 1f);
        FaceCandidate right = Candidates.Box(0.9f, 2f, 0f, 1f, 1f);
        var destination = new FaceCandidate[2];

        int count = Suppression.Suppress(new[] { left, right }, destination);

        Assert.That(destination.Take(count).Select(d => d.Score), Is.EqualTo(new[] { right.Score, left.Score }));
    }

    [Test]
    public void ALoneCandidatePassesThrough()
    {
        FaceCandidate lone = Candidates.Box(0.8f, 0.1f, 0.2f, 0.3f, 0.4f, keypointX: 0.25f, keypointY: 0.35f);
        var destination = new FaceCandidate[1];

        Suppression.Suppress(new[] { lone }, destination);

        Assert.Multiple(() =>
        {
            Assert.That(destination[0].Score, Is.EqualTo(0.8f));
            Assert.That(destination[0].BoundingBox.X, Is.EqualTo(0.1f).Within(Tolerance));
            Assert.That(destination[0].BoundingBox.Bottom, Is.EqualTo(0.6f).Within(Tolerance));
            Assert.That(destination[0].Keypoints.NoseTip.X, Is.EqualTo(0.25f).Within(Tolerance));
        });
    }

    [Test]
    public void OverlapExactlyAtTheThresholdDoesNotJoinTheCluster()
    {
        FaceCandidate first = Candidates.Box(0.9f, 0f, 0f, 1f, 1f);
        FaceCandidate second = Candidates.Box(0.8f, 0.5f, 0f, 1f, 1f);
        float iou = first.BoundingBox.IntersectionOverUnion(second.BoundingBox);
        var destination = new FaceCandidate[2];

        int count = new WeightedNonMaxSuppression(iou).Suppress(new[] { first, second }, destination);

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(2));
            Assert.That(destination[0], Is.EqualTo(first), "unmerged");
        });
    }

    [Test]
    public void ClustersFormAroundTheBestCandidateOnly()
    {
        // IoU(A, B) = IoU(B, C) = 0.43 but IoU(A, C) = 0.11: A's cluster takes B; C, apart from A, stands alone
        // even though it overlaps B.
        FaceCandidate a = Candidates.Box(0.9f, 0f, 0f, 1f, 1f);
        FaceCandidate b = Candidates.Box(0.8f, 0.4f, 0f, 1f, 1f);
        FaceCandidate c = Candidates.Box(0.7f, 0.8f, 0f, 1f, 1f);
        var destination = new FaceCandidate[3];

        int count = Suppression.Suppress(new[] { c, b, a }, destination);

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(2));
            Assert.That(destination[1], Is.EqualTo(c));
        });
    }

    [Test]
    public void ThresholdOfOneStillEmitsEveryCandidate()
    {
        // MediaPipe would leave the best candidate out of its own cluster (IoU 1 is not > 1) and stop after it.
        FaceCandidate[] duplicates = [Candidates.Box(0.9f, 0f, 0f, 1f, 1f), Candidates.Box(0.8f, 0f, 0f, 1f, 1f)];
        var destination = new FaceCandidate[2];

        int count = new WeightedNonMaxSuppression(1f).Suppress(duplicates, destination);

        Assert.That(destination.Take(count), Is.EqualTo(duplicates));
    }

    [Test]
    public void StopsWhenTheDestinationIsFull()
    {
        FaceCandidate[] row = Candidates.Row(5);
        var destination = new FaceCandidate[2];

        int count = Suppression.Suppress(row, destination);

        Assert.That(destination.Take(count).Select(d => d.Score), Is.EqualTo(row.Take(2).Select(d => d.Score)));
    }

    [Test]
    public void EmptyInputGivesNothing() =>
        Assert.That(Suppression.Suppress([], new FaceCandidate[4]), Is.Zero);

    [Test]
    public void EqualScoresKeepInputOrder()
    {
        FaceCandidate[] apart = [Candidates.Box(0.8f, 4f, 0f, 1f, 1f), Candidates.Box(0.8f, 0f, 0f, 1f, 1f), Candidates.Box(0.8f, 2f, 0f, 1f, 1f)];
        var destination = new FaceCandidate[3];

        int count = Suppression.Suppress(apart, destination);

        Assert.That(destination.Take(count).Select(d => d.BoundingBox.X), Is.EqualTo(apart.Select(d => d.BoundingBox.X)).Within(Tolerance));
    }

    [Test]
    public void ZeroScoresDoNotProduceNaN()
    {
        FaceCandidate[] zeros = [Candidates.Box(0f, 0f, 0f, 1f, 1f), Candidates.Box(0f, 0.1f, 0f, 1f, 1f)];
        var destination = new FaceCandidate[2];

        int count = Suppression.Suppress(zeros, destination);

        Assert.That(destination.Take(count), Is.EqualTo(new[] { zeros[0] }));
    }

    [Test]
    public void DestinationOverlappingTheCandidatesThrows()
    {
        var buffer = new FaceCandidate[4];

        Assert.That(() => Suppression.Suppress(buffer.AsSpan(0, 2), buffer.AsSpan(1, 2)), Throws.ArgumentException);
    }

    [TestCase(-0.1f)]
    [TestCase(1.1f)]
    [TestCase(float.NaN)]
    public void ThresholdOutsideZeroToOneThrows(float threshold) =>
        Assert.That(() => new WeightedNonMaxSuppression(threshold), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [TestCase(50, TestName = "{m}(keys on the stack)")]
    [TestCase(ScoreOrder.StackKeyLimit + 1, TestName = "{m}(pooled keys)")]
    public void SuppressionDoesNotAllocate(int candidateCount)
    {
        FaceCandidate[] candidates = Candidates.Row(candidateCount);
        var destination = new FaceCandidate[100];

        long allocated = AllocationProbe.FewestBytesPerCall(() => Suppression.Suppress(candidates, destination));

        Assert.That(allocated, Is.Zero);
    }
}
