using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Landmarks;

/// <summary>
/// The landmarker's contract as a detector's: options checked at construction naming the option, bad input refused
/// naming the parameter, the list and span forms giving the same meshes, thread-safe still-image calls, the engine
/// seam, and disposal.
/// </summary>
public class FaceLandmarkerContractTests
{
    private static IEnumerable<TestCaseData> BadOptions()
    {
        yield return Case(new() { MaxFaces = 0 }, "MaxFaces");
        yield return Case(new() { MaxFaces = 1025 }, "MaxFaces");
        yield return Case(new() { MinPresence = -0.1f }, "MinPresence");
        yield return Case(new() { MinPresence = float.NaN }, "MinPresence");
        yield return Case(new() { TrackingIouThreshold = 0f }, "TrackingIouThreshold");
        yield return Case(new() { TrackingIouThreshold = 1.5f }, "TrackingIouThreshold");
        yield return Case(new() { SmoothingMinCutoff = 0f }, "SmoothingMinCutoff");
        yield return Case(new() { SmoothingMinCutoff = float.PositiveInfinity }, "SmoothingMinCutoff");
        yield return Case(new() { SmoothingBeta = -1f }, "SmoothingBeta");
        yield return Case(new() { SmoothingDerivativeCutoff = float.NaN }, "SmoothingDerivativeCutoff");
        yield return Case(new() { Detector = new FaceDetectorOptions { MinScore = 2f } }, "MinScore");

        static TestCaseData Case(FaceLandmarkerOptions options, string option) => new TestCaseData(options, option).SetArgDisplayNames(option);
    }

    [TestCaseSource(nameof(BadOptions))]
    public void An_option_out_of_range_is_refused_naming_the_option(FaceLandmarkerOptions options, string option)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FaceLandmarker(options));

        Assert.That(error!.ParamName, Is.EqualTo(option));
    }

    [Test]
    public void A_detector_model_is_refused_as_the_landmark_model_and_the_landmark_model_as_the_detector()
    {
        var wrongLandmarks = Assert.Throws<ArgumentException>(() => new FaceLandmarker(new FaceLandmarkerOptions { Model = BlazeFaceModel.ShortRange }));
        var wrongDetector = Assert.Throws<ArgumentException>(() => new FaceLandmarker(new FaceLandmarkerOptions { Detector = new FaceDetectorOptions { Model = BlazeFaceModel.FaceLandmarks } }));

        Assert.Multiple(() =>
        {
            Assert.That(wrongLandmarks!.ParamName, Is.EqualTo("Model"), "landmark model");
            Assert.That(wrongDetector!.ParamName, Is.EqualTo("Model"), "detector model");
        });
    }

    [Test]
    public void The_defaults_are_MediaPipes_face_mesh()
    {
        using var landmarker = new FaceLandmarker();

        Assert.Multiple(() =>
        {
            Assert.That(landmarker.Model, Is.SameAs(BlazeFaceModel.FaceLandmarks), "landmark model");
            Assert.That(landmarker.Detector.Model, Is.SameAs(BlazeFaceModel.ShortRange), "detector");
            Assert.That(landmarker.Detector.MinScore, Is.EqualTo(0.5f), "detector threshold");
            Assert.That(landmarker.MaxFaces, Is.EqualTo(1), "num_faces");
            Assert.That(landmarker.MinPresence, Is.EqualTo(0.5f), "presence threshold");
            Assert.That(landmarker.Engine, Is.SameAs(NetworkEngine.Managed), "engine");
        });
    }

    [Test]
    public void The_engine_runs_both_networks_unless_the_detector_options_name_another()
    {
        var shared = new RecordingEngine();
        var own = new RecordingEngine();
        RgbImage photo = TestImages.Load("astronaut.png");
        using (var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = shared }))
        {
            landmarker.Detect(photo.AsView());
        }

        using (var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Engine = shared, Detector = new FaceDetectorOptions { Engine = own } }))
        {
            landmarker.Detect(photo.AsView());
        }

        Assert.Multiple(() =>
        {
            Assert.That(shared.DetectorRuns, Is.EqualTo(1), "the shared engine ran the first landmarker's detector");
            Assert.That(shared.LandmarkRuns, Is.EqualTo(2), "and both landmarkers' landmark network");
            Assert.That(own.DetectorRuns, Is.EqualTo(1), "the detector's own engine ran the second one's detector");
            Assert.That(own.LandmarkRuns, Is.Zero, "and nothing else");
        });
    }

    [Test]
    public void An_engine_whose_session_does_not_fit_the_landmark_model_fails_at_construction()
    {
        var engine = new FakeEngine();
        var wrong = new WrongModelEngine();

        Assert.Multiple(() =>
        {
            Assert.DoesNotThrow(() => new FaceLandmarker(new FaceLandmarkerOptions { Engine = engine }).Dispose(), "a fake engine with the right sizes");
            Assert.That(() => new FaceLandmarker(new FaceLandmarkerOptions { Engine = wrong }), Throws.InvalidOperationException, "sessions of another model");
        });
    }

    [Test]
    public void A_default_image_is_refused_naming_the_image()
    {
        using var landmarker = new FaceLandmarker();
        var mesh = new FaceMesh();
        var face = new FaceDetection(1, new FaceBox(0, 0, 10, 10), new FaceKeypoints(new float[12]));

        Assert.Multiple(() =>
        {
            Assert.That(() => landmarker.Detect(default), Throws.ArgumentException.With.Property("ParamName").EqualTo("image"), "list form");
            Assert.That(() => landmarker.Detect(default, new FaceMesh[1], out _), Throws.ArgumentException.With.Property("ParamName").EqualTo("image"), "span form");
            Assert.That(() => landmarker.Detect(default, face, mesh), Throws.ArgumentException.With.Property("ParamName").EqualTo("image"), "one face");
        });
    }

    [Test]
    public void Mapping_one_face_needs_a_mesh_to_fill()
    {
        using var landmarker = new FaceLandmarker();
        RgbImage photo = TestImages.Load("astronaut.png");
        FaceDetection face = landmarker.Detector.Detect(photo.AsView()).Single();

        Assert.That(() => landmarker.Detect(photo.AsView(), face, null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("destination"));
    }

    [Test]
    public void The_span_form_fills_the_callers_meshes_creating_only_the_missing_ones()
    {
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { MaxFaces = 3 });
        RgbImage photo = TestImages.Load("group_mosaic.png");
        var reused = new FaceMesh();
        FaceMesh?[] meshes = [reused, null, null, null];

        int written = landmarker.Detect(photo.AsView(), meshes!, out int found);
        IReadOnlyList<FaceMesh> listed = landmarker.Detect(photo.AsView());

        Assert.Multiple(() =>
        {
            Assert.That((written, found), Is.EqualTo((3, 3)), "three faces");
            Assert.That(meshes[0], Is.SameAs(reused), "the given mesh is filled");
            Assert.That(meshes[1], Is.Not.Null, "missing meshes are created");
            Assert.That(meshes[3], Is.Null, "nothing beyond what was written");
            for (int i = 0; i < 3; i++)
            {
                Assert.That(meshes[i]!.Landmarks.ToArray(), Is.EqualTo(listed[i].Landmarks.ToArray()), $"face {i} as the list form gives it");
            }
        });
    }

    [Test]
    public void A_short_destination_gets_the_best_faces_and_found_counts_them_all()
    {
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { MaxFaces = 3 });
        RgbImage photo = TestImages.Load("group_mosaic.png");
        var meshes = new FaceMesh[1];

        int written = landmarker.Detect(photo.AsView(), meshes, out int found);

        Assert.Multiple(() =>
        {
            Assert.That((written, found), Is.EqualTo((1, 3)));
            Assert.That(meshes[0].Detection?.Score, Is.EqualTo(landmarker.Detector.Detect(photo.AsView())[0].Score), "the best face");
        });
    }

    [Test]
    public void MaxFaces_maps_the_best_faces_only()
    {
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { MaxFaces = 2 });
        RgbImage photo = TestImages.Load("group_mosaic.png");
        float[] best = [.. landmarker.Detector.Detect(photo.AsView()).Take(2).Select(f => f.Score)];

        IReadOnlyList<FaceMesh> meshes = landmarker.Detect(photo.AsView());

        Assert.That(meshes.Select(m => m.Detection!.Value.Score), Is.EqualTo(best));
    }

    [Test]
    public void Mapping_one_face_gives_what_the_whole_pipeline_gives_for_it()
    {
        using var landmarker = new FaceLandmarker();
        RgbImage photo = TestImages.Load("grace_hopper.png");
        FaceMesh whole = landmarker.Detect(photo.AsView()).Single();
        var mesh = new FaceMesh();

        bool present = landmarker.Detect(photo.AsView(), whole.Detection!.Value, mesh);

        Assert.Multiple(() =>
        {
            Assert.That(present, Is.True);
            Assert.That(mesh.Landmarks.ToArray(), Is.EqualTo(whole.Landmarks.ToArray()), "landmarks");
            Assert.That(mesh.Region, Is.EqualTo(whole.Region), "region");
            Assert.That(mesh.Presence, Is.EqualTo(whole.Presence), "presence");
        });
    }

    [Test]
    public void Still_images_can_be_mapped_from_many_threads_at_once()
    {
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { MaxFaces = 3 });
        RgbImage[] photos = [.. new[] { "astronaut.png", "grace_hopper.png", "group_mosaic.png", "cameraman.png" }.Select(TestImages.Load)];
        float[][][] expected = [.. photos.Select(p => Flatten(landmarker.Detect(p.AsView())))];

        float[][][][] results = new float[4][][][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            results[thread] = [.. Enumerable.Range(0, 8).Select(i => Flatten(landmarker.Detect(photos[(thread + i) % photos.Length].AsView())))];
        });

        for (int thread = 0; thread < results.Length; thread++)
        {
            for (int i = 0; i < 8; i++)
            {
                Assert.That(results[thread][i], Is.EqualTo(expected[(thread + i) % photos.Length]), $"thread {thread}, call {i}");
            }
        }

        static float[][] Flatten(IReadOnlyList<FaceMesh> meshes) => [.. meshes.Select(m => m.Landmarks.ToArray().SelectMany(p => new[] { p.X, p.Y, p.Z }).ToArray())];
    }

    [Test]
    public void A_disposed_landmarker_refuses_every_call()
    {
        var landmarker = new FaceLandmarker();
        RgbImage photo = TestImages.Load("astronaut.png");
        FaceDetection face = landmarker.Detector.Detect(photo.AsView()).Single();
        landmarker.Dispose();
        landmarker.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(() => landmarker.Detect(photo.AsView()), Throws.TypeOf<ObjectDisposedException>(), "list form");
            Assert.That(() => landmarker.Detect(photo.AsView(), new FaceMesh[1], out _), Throws.TypeOf<ObjectDisposedException>(), "span form");
            Assert.That(() => landmarker.Detect(photo.AsView(), face, new FaceMesh()), Throws.TypeOf<ObjectDisposedException>(), "one face");
            Assert.That(() => landmarker.Track(photo.AsView(), TimeSpan.Zero), Throws.TypeOf<ObjectDisposedException>(), "video");
            Assert.That(() => landmarker.Detector.Detect(photo.AsView()), Throws.TypeOf<ObjectDisposedException>(), "its detector");
        });
    }

    /// <summary>An engine that answers every model with a session of the short-range detector.</summary>
    private sealed class WrongModelEngine : NetworkEngine
    {
        public override string Description => "wrong model";

        public override NetworkSession CreateSession(BlazeFaceModel model) => Managed.CreateSession(BlazeFaceModel.ShortRange);
    }
}
