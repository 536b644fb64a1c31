using BlazeFace.Imaging;
using BlazeFace.Tests.Support;
using BlazeFace.Tests.Tracking.Video;

namespace BlazeFace.Tests.Landmarks;

/// <summary>Once warm, the span forms allocate nothing: still images, one face, and video whatever its faces do.</summary>
public sealed class FaceLandmarkerAllocationTests : IDisposable
{
    private readonly FaceLandmarker _landmarker = new(new FaceLandmarkerOptions { MaxFaces = 3 });

    /// <summary>NUnit disposes the fixture after its last test.</summary>
    public void Dispose() => _landmarker.Dispose();

    [Test]
    public void Mapping_a_photo_into_meshes_allocates_nothing_once_warm()
    {
        RgbImage photo = TestImages.Load("group_mosaic.png");
        var meshes = new FaceMesh[3];

        long allocated = AllocationProbe.FewestBytesPerCall(() => _landmarker.Detect(photo.AsView(), meshes, out _));

        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Mapping_one_face_allocates_nothing_once_warm()
    {
        RgbImage photo = TestImages.Load("astronaut.png");
        FaceDetection face = _landmarker.Detector.Detect(photo.AsView()).Single();
        var mesh = new FaceMesh();

        long allocated = AllocationProbe.FewestBytesPerCall(() => _landmarker.Detect(photo.AsView(), face, mesh));

        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Following_a_video_allocates_nothing_per_frame_once_warm()
    {
        // Each pass: a face found, followed while it moves, lost, looked for on an empty frame, and found again; with
        // smoothing, whose filters are reused from one face to the next.
        using var detector = new FaceDetector();
        FaceSprite sprite = FaceSprite.Cut(detector, "astronaut.png", 200);
        var video = new SyntheticVideo(640, 480, noiseAmplitude: 4, seed: 21);
        RgbImage[] script =
        [
            Copy(video, [new Placement(sprite, 200, 100)]),
            Copy(video, [new Placement(sprite, 204, 100)]),
            Copy(video, [new Placement(sprite, 208, 102)]),
            Copy(video, []),
            Copy(video, []),
            Copy(video, [new Placement(sprite, 150, 90)]),
        ];
        using var landmarker = new FaceLandmarker();
        var meshes = new FaceMesh[1];
        int frame = 0;
        int followed = 0;
        void Pass()
        {
            foreach (RgbImage image in script)
            {
                followed += landmarker.Track(image.AsView(), TimeSpan.FromMilliseconds(33 * frame++), meshes, out _);
            }
        }

        long allocated = AllocationProbe.FewestBytesPerCall(Pass, warmUpCalls: 2);

        Assert.Multiple(() =>
        {
            Assert.That(followed, Is.EqualTo(7 * 4), "each of the seven passes has four frames with the face");
            Assert.That(allocated, Is.Zero, "bytes per pass of six frames");
        });
    }

    private static RgbImage Copy(SyntheticVideo video, Placement[] placements)
    {
        ImageView view = video.Render(placements);
        return new RgbImage(view.Width, view.Height, view.Pixels.ToArray());
    }
}
