using System.Drawing;
using System.Collections.Concurrent;
using BlazeFace.Imaging;
using BlazeFace.Preprocessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>The option overloads keep the detector's promises: no allocation once warm, thread safety, the interface's defaults.</summary>
public class SearchOptionsBehaviourTests
{
    private static IEnumerable<TestCaseData> Searches()
    {
        yield return new TestCaseData(new ImageProcessingOptions { RotationDegrees = 30 }).SetArgDisplayNames("rotated");
        yield return new TestCaseData(new ImageProcessingOptions { RotationDegrees = 90, RegionOfInterest = new Rectangle(0, 0, 256, 300) }).SetArgDisplayNames("region, quarter turn");
        yield return new TestCaseData(new ImageProcessingOptions { AutoRotate = true }).SetArgDisplayNames("automatic orientation");
        yield return new TestCaseData(new ImageProcessingOptions { Tiling = TilingOptions.Default }).SetArgDisplayNames("tiled");
    }

    [TestCaseSource(nameof(Searches))]
    public void The_span_overload_allocates_nothing_once_warm(ImageProcessingOptions options)
    {
        RgbImage image = TestImages.Load("group_mosaic.png");
        using var detector = new FaceDetector();
        var faces = new FaceDetection[16];
        int count = 0;
        int found = 0;

        long allocated = AllocationProbe.FewestBytesPerCall(() => count = detector.Detect(image.AsView(), faces, out found, options));

        Assert.That((count, found), Is.EqualTo((Math.Min(found, 16), found)));
        Assert.That(found, Is.GreaterThan(0), "faces found, so every stage ran");
        Assert.That(allocated, Is.Zero);
    }

    [TestCaseSource(nameof(Searches))]
    public void Threads_sharing_a_detector_get_the_sequential_results(ImageProcessingOptions options)
    {
        IReadOnlyList<(string Name, RgbImage Image)> photos = Hardening.BundledPhotos.Load();
        using var detector = new FaceDetector();
        FaceDetection[][] sequential = [.. photos.Select(p => detector.Detect(p.Image.AsView(), options).ToArray())];
        var mismatches = new ConcurrentQueue<string>();

        Parallel.For(0, 4 * photos.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            int photo = i % photos.Count;
            if (!Hardening.DetectionBits.Identical(sequential[photo], detector.Detect(photos[photo].Image.AsView(), options).ToArray()))
            {
                mismatches.Enqueue(photos[photo].Name);
            }
        });

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Options_after_dispose_throw_object_disposed()
    {
        RgbImage image = TestImages.Load("astronaut.png");
        var detector = new FaceDetector();
        detector.Dispose();

        Assert.That(() => detector.Detect(image.AsView(), new ImageProcessingOptions { AutoRotate = true }), Throws.InstanceOf<ObjectDisposedException>());
    }

}
