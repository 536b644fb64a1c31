using System.Numerics;
using BlazeFace.Imaging;
using BlazeFace.Tests.Support;
using BlazeFace.Tests.Tracking.Video;

namespace BlazeFace.Tests.Landmarks;

/// <summary>
/// The examples of docs/face-mesh.md run on real pixels, so that they do what the guide says (the documentation tests
/// compile the page's blocks as written); a synthetic video stands in for the guide's camera.
/// </summary>
public class FaceMeshGuideTests
{
    [Test]
    public void The_quick_start_maps_the_photos_face()
    {
        RgbImage photo = TestImages.Load("astronaut.png");
        (byte[] rgbBytes, int width, int height) = (photo.Pixels, photo.Width, photo.Height);
        var lines = new List<string>();

        using var landmarker = new FaceLandmarker();
        var image = new ImageView(rgbBytes, width, height, ImagePixelFormat.Rgb24);
        foreach (FaceMesh face in landmarker.Detect(image))
        {
            Vector3 chin = face[FaceMesh.Chin];
            lines.Add($"presence {face.Presence:0.00}, chin at ({chin.X:0}, {chin.Y:0}), {face.Landmarks.Length} landmarks");
        }

        var meshes = new FaceMesh[landmarker.MaxFaces];
        int written = landmarker.Detect(image, meshes, out int found);

        var mesh = new FaceMesh();
        FaceDetection detection = landmarker.Detector.Detect(image)[0];
        bool present = landmarker.Detect(image, detection, mesh);

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(1).And.All.StartWith("presence 1.00, chin at (").And.All.EndWith("468 landmarks"));
            Assert.That((written, found), Is.EqualTo((1, 1)), "without allocating");
            Assert.That(present, Is.True, "one face found elsewhere");
        });
    }

    [Test]
    public void The_cues_read_open_eyes_at_about_0_3()
    {
        using var landmarker = new FaceLandmarker();
        FaceMesh face = landmarker.Detect(TestImages.Load("grace_hopper.png").AsView()).Single();

        static float Gap(FaceMesh face, int a, int b) => Vector3.Distance(face[a], face[b]);

        float eyeOpen = Gap(face, FaceMesh.LeftEyeUpperLid, FaceMesh.LeftEyeLowerLid)
            / Gap(face, FaceMesh.LeftEyeInnerCorner, FaceMesh.LeftEyeOuterCorner);
        float mouthOpen = Gap(face, FaceMesh.UpperLipInner, FaceMesh.LowerLipInner)
            / Gap(face, FaceMesh.MouthRightCorner, FaceMesh.MouthLeftCorner);

        Assert.Multiple(() =>
        {
            Assert.That(eyeOpen, Is.InRange(0.2f, 0.4f), "an open eye");
            Assert.That(mouthOpen, Is.LessThan(0.1f), "a closed mouth");
        });
    }

    [Test]
    public void The_video_loop_follows_the_face()
    {
        using var spriteDetector = new FaceDetector();
        FaceSprite sprite = FaceSprite.Cut(spriteDetector, "astronaut.png", 200);
        var camera = new Camera(new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 31), sprite);
        var lines = new List<string>();

        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { MaxFaces = 2 });
        var faces = new FaceMesh[2];
        while (camera.TryRead(out byte[] pixels, out TimeSpan time))
        {
            var frame = new ImageView(pixels, 640, 480, ImagePixelFormat.Bgr24);
            int count = landmarker.Track(frame, time, faces, out _);
            for (int i = 0; i < count; i++)
            {
                lines.Add($"face #{faces[i].TrackId} at {faces[i].Bounds}");
            }
        }

        Assert.That(lines, Has.Count.EqualTo(5).And.All.StartWith("face #1 at FaceBox"));
    }

    [Test]
    public void The_drawing_line_draws_on_the_callers_buffer()
    {
        RgbImage photo = TestImages.Load("astronaut.png");
        using var landmarker = new FaceLandmarker();
        IReadOnlyList<FaceMesh> meshes = landmarker.Detect(photo.AsView());
        (byte[] pixels, int width, int height) = (photo.Pixels.ToArray(), photo.Width, photo.Height);

        DetectionPainter.DrawFaceMeshes(pixels, width, height, ImagePixelFormat.Rgb24, 0, meshes);

        Assert.That(pixels, Is.Not.EqualTo(photo.Pixels));
    }

    /// <summary>A stand-in for the reader's frame source: five frames of a face on a synthetic video, as BGR bytes.</summary>
    private sealed class Camera(SyntheticVideo video, FaceSprite sprite)
    {
        private int _frame;

        public bool TryRead(out byte[] pixels, out TimeSpan time)
        {
            pixels = [];
            time = TimeSpan.FromMilliseconds(33 * _frame);
            if (_frame == 5)
            {
                return false;
            }

            byte[] rgb = video.Render([new Placement(sprite, 200 + (2 * _frame++), 100)]).Pixels.ToArray();
            pixels = new byte[rgb.Length];
            for (int i = 0; i < rgb.Length; i += 3)
            {
                (pixels[i], pixels[i + 1], pixels[i + 2]) = (rgb[i + 2], rgb[i + 1], rgb[i]);
            }

            return true;
        }
    }
}
