using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>DetectBatch spreads images over threads and returns exactly what one-by-one detection returns.</summary>
public class DetectBatchTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(-1)]
    public void Batch_results_equal_sequential_results_in_order(int threads)
    {
        ImageBuffer[] images = [.. new[] { "astronaut.png", "group_mosaic.png", "no_face_coffee.png", "grace_hopper.png" }
            .Select(TestImages.Load)
            .Select(i => i.AsBuffer())];
        ImageBuffer[] batch = [.. Enumerable.Range(0, 12).Select(i => images[i % images.Length])];
        using var detector = new FaceDetector();
        FaceDetection[][] expected = [.. batch.Select(image => detector.Detect(image.AsView()).ToArray())];

        IReadOnlyList<FaceDetection>[] actual = detector.DetectBatch(batch, threads);

        Assert.That(actual, Has.Length.EqualTo(batch.Length));
        for (int i = 0; i < batch.Length; i++)
        {
            Assert.That(actual[i], Is.EqualTo(expected[i]), $"image {i}");
        }
    }

    [Test]
    public void A_zero_degree_of_parallelism_is_rejected()
    {
        using var detector = new FaceDetector();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => detector.DetectBatch([], 0));
        Assert.That(error!.ParamName, Is.EqualTo("maxDegreeOfParallelism"));
    }
}
