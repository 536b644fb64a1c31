using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Tracking;

/// <summary>A detector that breaks its contract is reported as such, not as an index error inside the tracker.</summary>
public class FaceTrackerDetectorContractTests
{
    [TestCase(-1)]
    [TestCase(1000)]
    public void A_detector_reporting_an_impossible_count_is_named_in_an_InvalidOperationException(int count)
    {
        using var detector = new MiscountingDetector(count);
        var tracker = new FaceTracker(detector);

        var error = Assert.Throws<InvalidOperationException>(() => tracker.Track(new RgbImage(8, 8).AsView(), TimeSpan.Zero));

        Assert.That(error!.Message, Does.Contain(nameof(MiscountingDetector)));
        Assert.DoesNotThrow(() => tracker.Track([], TimeSpan.Zero, new TrackedFace[1], out _), "the failed frame changed nothing");
    }

    private sealed class MiscountingDetector(int count) : IFaceDetector
    {
        public BlazeFaceModel Model => BlazeFaceModel.ShortRange;

        public int Detect(ImageView image, Span<FaceDetection> destination, out int found)
        {
            found = count;
            return count;
        }

        public IReadOnlyList<FaceDetection> Detect(ImageView image) => throw new NotSupportedException();

        public IReadOnlyList<FaceDetection> Detect(ReadOnlySpan<float> inputTensor) => throw new NotSupportedException();

        public int Detect(ReadOnlySpan<float> inputTensor, Span<FaceDetection> destination) => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
