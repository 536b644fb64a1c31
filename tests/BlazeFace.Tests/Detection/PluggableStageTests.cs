using BlazeFace.Imaging;
using BlazeFace.PostProcessing;
using BlazeFace.Preprocessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>Callers can replace the decoding and suppression stages through the options.</summary>
public class PluggableStageTests
{
    [Test]
    public void A_custom_suppression_replaces_the_built_in_one()
    {
        var keepEverything = new KeepEverythingSuppression();
        RgbImage image = TestImages.Load("astronaut.png");
        using var detector = new FaceDetector(new FaceDetectorOptions { CustomNonMaxSuppression = keepEverything });

        IReadOnlyList<FaceDetection> faces = detector.Detect(image.AsView());

        Assert.That(keepEverything.Calls, Is.EqualTo(1));
        Assert.That(faces, Has.Count.EqualTo(keepEverything.LastCandidateCount));
        Assert.That(faces, Has.Count.GreaterThan(1), "without suppression one face yields several overlapping candidates");
    }

    [Test]
    public void A_custom_decoder_replaces_the_built_in_one()
    {
        var decoder = new FixedDecoder();
        RgbImage image = TestImages.Load("no_face_coffee.png");
        using var detector = new FaceDetector(new FaceDetectorOptions { AnchorDecoder = decoder, ResizeMode = ResizeMode.Stretch });

        FaceDetection face = detector.Detect(image.AsView()).Single();

        // The decoder's normalised box (0.25, 0.25, 0.5 x 0.5) maps to the middle of the 600x400 image.
        Assert.That(face.BoundingBox.X, Is.EqualTo(150).Within(1e-3));
        Assert.That(face.BoundingBox.Y, Is.EqualTo(100).Within(1e-3));
        Assert.That(face.BoundingBox.Width, Is.EqualTo(300).Within(1e-3));
        Assert.That(face.BoundingBox.Height, Is.EqualTo(200).Within(1e-3));
    }

    private sealed class KeepEverythingSuppression : INonMaxSuppression
    {
        public int Calls { get; private set; }

        public int LastCandidateCount { get; private set; }

        public int Suppress(Span<FaceCandidate> candidates, Span<FaceCandidate> destination)
        {
            Calls++;
            LastCandidateCount = Math.Min(candidates.Length, destination.Length);
            candidates[..LastCandidateCount].CopyTo(destination);
            return LastCandidateCount;
        }
    }

    private sealed class FixedDecoder : IAnchorDecoder
    {
        public int Decode(BlazeFaceModel model, ReadOnlySpan<float> regressors, ReadOnlySpan<float> scoreLogits, float minScore, Span<FaceCandidate> destination)
        {
            destination[0] = new FaceCandidate(0.9f, new FaceBox(0.25f, 0.25f, 0.5f, 0.5f), new FaceKeypoints(new float[12]));
            return 1;
        }
    }
}
