using BlazeFace.Tests.Support;
using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Suppression;

namespace BlazeFace.Tests.PostProcessing;

public class HardNonMaxSuppressionTests
{
    private static readonly HardNonMaxSuppression Suppression = new(0.3f);

    [Test]
    public void KeepsTheHigherOfTwoOverlappingBoxesAndDropsTheOther()
    {
        // IoU = 0.81 / 1.19 = 0.68 > 0.3.
        FaceCandidate low = Candidates.Box(0.6f, 0.1f, 0.1f, 1f, 1f);
        FaceCandidate high = Candidates.Box(0.9f, 0f, 0f, 1f, 1f);
        var destination = new FaceCandidate[2];

        int count = Suppression.Suppress(new[] { low, high }, destination);

        Assert.That(destination.Take(count), Is.EqualTo(new[] { high }));
    }

    [Test]
    public void KeepsNonOverlappingBoxesBestFirst()
    {
        FaceCandidate left = Candidates.Box(0.7f, 0f, 0f, 1f, 1f);
        FaceCandidate right = Candidates.Box(0.9f, 2f, 0f, 1f, 1f);
        var destination = new FaceCandidate[2];

        int count = Suppression.Suppress(new[] { left, right }, destination);

        Assert.That(destination.Take(count), Is.EqualTo(new[] { right, left }));
    }

    [Test]
    public void OverlapExactlyAtTheThresholdIsNotSuppressed()
    {
        // Unit squares offset by 0.5: intersection 0.5, union 1.5, IoU = 1/3 exactly as the float FaceBox computes it.
        FaceCandidate first = Candidates.Box(0.9f, 0f, 0f, 1f, 1f);
        FaceCandidate second = Candidates.Box(0.8f, 0.5f, 0f, 1f, 1f);
        float iou = first.BoundingBox.IntersectionOverUnion(second.BoundingBox);
        var destination = new FaceCandidate[2];

        int count = new HardNonMaxSuppression(iou).Suppress(new[] { first, second }, destination);

        Assert.That(count, Is.EqualTo(2));
    }

    [Test]
    public void OverlapJustAboveTheThresholdIsSuppressed()
    {
        FaceCandidate first = Candidates.Box(0.9f, 0f, 0f, 1f, 1f);
        FaceCandidate second = Candidates.Box(0.8f, 0.5f, 0f, 1f, 1f);
        float iou = first.BoundingBox.IntersectionOverUnion(second.BoundingBox);
        var destination = new FaceCandidate[2];

        int count = new HardNonMaxSuppression(MathF.BitDecrement(iou)).Suppress(new[] { first, second }, destination);

        Assert.That(count, Is.EqualTo(1));
    }

    [Test]
    public void OnlyKeptDetectionsSuppress()
    {
        // IoU(A, B) = IoU(B, C) = 0.6 / 1.4 = 0.43 but IoU(A, C) = 0.2 / 1.8 = 0.11: B falls to A, so nothing
        // that is kept overlaps C.
        FaceCandidate a = Candidates.Box(0.9f, 0f, 0f, 1f, 1f);
        FaceCandidate b = Candidates.Box(0.8f, 0.4f, 0f, 1f, 1f);
        FaceCandidate c = Candidates.Box(0.7f, 0.8f, 0f, 1f, 1f);
        var destination = new FaceCandidate[3];

        int count = Suppression.Suppress(new[] { c, b, a }, destination);

        Assert.That(destination.Take(count), Is.EqualTo(new[] { a, c }));
    }

    [Test]
    public void StopsWhenTheDestinationIsFull()
    {
        FaceCandidate[] row = Candidates.Row(5);
        var destination = new FaceCandidate[2];

        int count = Suppression.Suppress(row, destination);

        Assert.That(destination.Take(count), Is.EqualTo(row.Take(2)));
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

        Assert.That(destination.Take(count), Is.EqualTo(apart));
    }

    [Test]
    public void EqualScoresLetTheEarlierCandidateWin()
    {
        FaceCandidate first = Candidates.Box(0.8f, 0f, 0f, 1f, 1f, keypointX: 1f);
        FaceCandidate second = Candidates.Box(0.8f, 0f, 0f, 1f, 1f, keypointX: 2f);
        var destination = new FaceCandidate[2];

        int count = Suppression.Suppress(new[] { first, second }, destination);

        Assert.That(destination.Take(count), Is.EqualTo(new[] { first }));
    }

    [Test]
    public void CandidatesAreLeftInPlace()
    {
        FaceCandidate[] candidates = [Candidates.Box(0.1f, 0f, 0f, 1f, 1f), Candidates.Box(0.9f, 2f, 0f, 1f, 1f)];
        FaceCandidate[] before = [.. candidates];

        Suppression.Suppress(candidates, new FaceCandidate[2]);

        Assert.That(candidates, Is.EqualTo(before));
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
        Assert.That(() => new HardNonMaxSuppression(threshold), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void ManyCandidatesAreSortedBestFirst()
    {
        // More candidates than fit the stack-allocated sort keys, given worst first.
        FaceCandidate[] row = Candidates.Row(ScoreOrder.StackKeyLimit + 100);
        FaceCandidate[] reversed = [.. Enumerable.Reverse(row)];
        var destination = new FaceCandidate[row.Length];

        int count = Suppression.Suppress(reversed, destination);

        Assert.That(destination.Take(count).Select(d => d.Score).ToArray(), Is.EqualTo(row.Select(d => d.Score).ToArray()));
    }

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
