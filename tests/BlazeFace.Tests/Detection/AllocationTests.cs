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
        for (int i = 0; i < 3; i++)
        {
            detector.Detect(image.AsView(), faces, out _);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int count = detector.Detect(image.AsView(), faces, out _);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(count, Is.GreaterThan(0), "the photo has faces, so decoding and suppression really ran");
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void List_overload_allocates_only_the_result_array()
    {
        RgbImage image = TestImages.Load("group_mosaic.png");
        using var detector = new FaceDetector();
        for (int i = 0; i < 3; i++)
        {
            detector.Detect(image.AsView());
        }

        // The fewest bytes over a few calls: one call can catch an allocation of the runtime's own on this thread
        // (seen once, in a whole-solution run on a loaded machine, never alone); an allocation of the detector's
        // would show in every call.
        long allocated = long.MaxValue;
        int count = 0;
        for (int call = 0; call < 5; call++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            IReadOnlyList<FaceDetection> faces = detector.Detect(image.AsView());
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
            count = faces.Count;
        }

        // An array object: header and length (24 bytes on 64-bit) plus its elements, rounded up to 8 bytes.
        long arrayBytes = (24 + (count * Unsafe.SizeOf<FaceDetection>()) + 7) & ~7L;
        Assert.That(count, Is.GreaterThan(0), "the photo has faces, so the result array is not the shared empty one");
        Assert.That(allocated, Is.EqualTo(arrayBytes));
    }
}
