using BlazeFace;
using BlazeFace.Imaging;
using BlazeFace.Network;

namespace BlazeFace.Tests.Hardening;

/// <summary>
/// A disposed detector or session refuses every use with <see cref="ObjectDisposedException"/> (not a null
/// reference or a run on released buffers), and disposing again is harmless.
/// </summary>
public class DisposalTests
{
    private static readonly byte[] Pixels = new byte[64 * 48 * 3];

    /// <summary>The Detect overloads and DetectBatch, by name, each called on a valid input.</summary>
    private static readonly Dictionary<string, Action<FaceDetector>> DetectOverloads = new()
    {
        ["image"] = detector => detector.Detect(new ImageView(Pixels, 64, 48, ImagePixelFormat.Rgb24)),
        ["image into span"] = detector => detector.Detect(new ImageView(Pixels, 64, 48, ImagePixelFormat.Rgb24), new FaceDetection[4], out _),
        ["image with options"] = detector => detector.Detect(new ImageView(Pixels, 64, 48, ImagePixelFormat.Rgb24), new ImageProcessingOptions { AutoRotate = true }),
        ["batch"] = detector => detector.DetectBatch([new ImageBuffer(Pixels, 64, 48, ImagePixelFormat.Rgb24)]),
    };

    private static IEnumerable<string> DetectOverloadNames => DetectOverloads.Keys;

    /// <summary>Every member of a session that touches its buffers, by name.</summary>
    private static readonly Dictionary<string, Action<NetworkSession>> SessionMembers = new()
    {
        ["Run"] = session => session.Run(),
        ["Input"] = session => _ = session.Input.Length,
        ["Regressors"] = session => _ = session.GetOutput(0).Length,
        ["ScoreLogits"] = session => _ = session.GetOutput(1).Length,
    };

    private static IEnumerable<string> SessionMemberNames => SessionMembers.Keys;

    [TestCaseSource(nameof(DetectOverloadNames))]
    public void Detect_on_a_disposed_detector_throws_ObjectDisposedException(string overload)
    {
        var detector = new FaceDetector();
        DetectOverloads[overload](detector);
        detector.Dispose();

        Assert.That(() => DetectOverloads[overload](detector), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void Disposing_a_detector_twice_is_safe()
    {
        var detector = new FaceDetector();
        detector.Dispose();

        Assert.That(detector.Dispose, Throws.Nothing);
        Assert.That(() => detector.Detect(new ImageView(Pixels, 64, 48, ImagePixelFormat.Rgb24)), Throws.TypeOf<ObjectDisposedException>(), "still disposed");
    }

    [Test]
    public void A_detector_disposed_before_any_call_refuses_the_first()
    {
        var detector = new FaceDetector();
        detector.Dispose();

        Assert.That(() => detector.Detect(new ImageView(Pixels, 64, 48, ImagePixelFormat.Rgb24)), Throws.TypeOf<ObjectDisposedException>());
    }

    [TestCaseSource(nameof(SessionMemberNames))]
    public void Using_a_disposed_session_throws_ObjectDisposedException(string member)
    {
        NetworkSession session = BlazeFaceModel.ShortRange.CreateSession();
        session.Dispose();

        Assert.That(() => SessionMembers[member](session), Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public void Disposing_a_session_twice_is_safe()
    {
        NetworkSession session = BlazeFaceModel.ShortRange.CreateSession();
        session.Run();
        session.Dispose();

        Assert.That(session.Dispose, Throws.Nothing);
        Assert.That(session.Run, Throws.TypeOf<ObjectDisposedException>(), "still disposed");
    }

    [Test]
    public void A_disposed_session_still_names_its_model()
    {
        // The model outlives every session built from it; only the session's own buffers are gone.
        NetworkSession session = BlazeFaceModel.FullRange.CreateSession();
        session.Dispose();

        Assert.That(session.Model, Is.SameAs(BlazeFaceModel.FullRange));
    }
}
