using System.Runtime.CompilerServices;
using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>After warm-up, Detect allocates nothing but its result; the Span overload allocates nothing at all.</summary>
public class AllocationTests
{
    [TestCase(BundledModel.ShortRange)]
    [TestCase(BundledModel.FullRange)]
    [TestCase(BundledModel.BackCamera)]
    public void Span_overload_allocates_nothing_after_warm_up(BundledModel kind)
    {
        RgbImage image = TestImages.Load("group_mosaic.png");
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = kind.Load() });
        var faces = new FaceDetection[16];
        int count = 0;

        long allocated = AllocationProbe.FewestBytesPerCall(() => count = detector.Detect(image.AsView(), faces, out _));

        Assert.That(count, Is.GreaterThan(0), "the photo has faces, so decoding and suppression really ran");
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void List_overload_allocates_only_the_result_array()
    {
        RgbImage image = TestImages.Load("group_mosaic.png");
        using var detector = new FaceDetector();
        int count = 0;

        long allocated = AllocationProbe.FewestBytesPerCall(() => count = detector.Detect(image.AsView()).Count);

        // An array object: header and length (24 bytes on 64-bit) plus its elements, rounded up to 8 bytes.
        long arrayBytes = (24 + (count * Unsafe.SizeOf<FaceDetection>()) + 7) & ~7L;
        Assert.That(count, Is.GreaterThan(0), "the photo has faces, so the result array is not the shared empty one");
        Assert.That(allocated, Is.EqualTo(arrayBytes));
    }
}
