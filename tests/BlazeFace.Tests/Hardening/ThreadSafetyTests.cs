using BlazeFace.Tests.Support;
using System.Collections.Concurrent;

namespace BlazeFace.Tests.Hardening;

/// <summary>
/// The detector's documented thread safety, checked the strict way: calls that overlap on one detector give
/// exactly, bit for bit, what one thread gets calling them one after another.
/// </summary>
public class ThreadSafetyTests
{
    private const int Threads = 8;
    private const int CallsPerThread = 500;

    [Test]
    public void Eight_threads_sharing_one_detector_get_bit_for_bit_the_sequential_results()
    {
        IReadOnlyList<(string Name, RgbImage Image)> photos = BundledPhotos.Load();
        FaceDetection[][] sequential = SequentialResults(photos);
        Assert.That(sequential.Count(faces => faces.Length > 0), Is.GreaterThan(1), "photos with faces make the comparison meaningful");

        using var detector = new FaceDetector();
        var mismatches = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<Exception>();
        int calls = 0;
        using var start = new Barrier(Threads);
        Thread[] threads = [.. Enumerable.Range(0, Threads).Select(thread => new Thread(() =>
        {
            var destination = new FaceDetection[64];
            start.SignalAndWait();
            for (int call = 0; call < CallsPerThread; call++)
            {
                // Threads walk the photos at different strides, so at any moment they work on different images.
                int photo = ((thread * 3) + (call * (thread + 1))) % photos.Count;
                try
                {
                    // Alternate the allocating and the span overload: both borrow the same pooled working sets.
                    ReadOnlySpan<FaceDetection> faces = call % 2 == 0
                        ? detector.Detect(photos[photo].Image.AsView()).ToArray()
                        : destination.AsSpan(0, detector.Detect(photos[photo].Image.AsView(), destination, out _));
                    if (!DetectionBits.Identical(sequential[photo], faces))
                    {
                        mismatches.Enqueue($"thread {thread}, call {call}, {photos[photo].Name}: {faces.Length} faces, expected {sequential[photo].Length}");
                    }
                }
#pragma warning disable CA1031 // Whatever a racing call throws is reported by the assertion below.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    errors.Enqueue(exception);
                }

                Interlocked.Increment(ref calls);
            }
        })
        { Name = $"detect {thread}" })];

        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(mismatches, Is.Empty, $"{mismatches.Count} of {calls} calls differ");
            Assert.That(calls, Is.EqualTo(Threads * CallsPerThread));
        }
    }

    /// <summary>One call per photo on a fresh detector on this thread: the reference every concurrent call must match.</summary>
    private static FaceDetection[][] SequentialResults(IReadOnlyList<(string Name, RgbImage Image)> photos)
    {
        using var detector = new FaceDetector();
        return [.. photos.Select(photo => detector.Detect(photo.Image.AsView()).ToArray())];
    }
}
