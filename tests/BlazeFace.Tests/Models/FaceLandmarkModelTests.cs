using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Models;

/// <summary>The bundled face-landmark model loads like the detectors, is recognised by its graph, and is not a detector.</summary>
public class FaceLandmarkModelTests
{
    [Test]
    public void The_bundled_model_is_the_192_pixel_face_landmark_network_with_no_anchors()
    {
        BlazeFaceModel model = BlazeFaceModel.FaceLandmarks;

        Assert.That(model.Name, Is.EqualTo("face-landmarks"));
        Assert.That(model.InputSize, Is.EqualTo(192));
        Assert.That(model.AnchorCount, Is.Zero);
        Assert.That(model.OutputNames, Is.EqualTo(new[] { "landmarks", "presence" }));
        Assert.That(model.Source, Is.EqualTo("face_landmark.tflite"));
    }

    [Test]
    public void The_file_is_recognised_by_its_graph_when_loaded_from_a_path()
    {
        BlazeFaceModel model = BlazeFaceModel.FromFile(RepositoryPaths.Asset("models/face_landmark.tflite"));
        Assert.That(model.Name, Is.EqualTo("face-landmarks"));
    }

    [Test]
    public void A_session_runs_it_to_1404_landmark_values_and_one_presence_logit()
    {
        var golden = LandmarkGoldenCase.All().First(g => !g.IsSynthetic);
        using NetworkSession session = BlazeFaceModel.FaceLandmarks.CreateSession();
        golden.Input.CopyTo(session.Input);

        session.Run();

        Assert.That(session.GetOutput(0).Length, Is.EqualTo(1404));
        Assert.That(session.GetOutput(1).Length, Is.EqualTo(1));
        Assert.That(session.GetOutput(1)[0], Is.EqualTo(golden.Presence[0]).Within(1e-3f));
    }

    [Test]
    public void A_face_detector_refuses_it_naming_the_model_option()
    {
        var error = Assert.Throws<ArgumentException>(() => new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FaceLandmarks }));
        Assert.That(error!.ParamName, Is.EqualTo("Model"));
        Assert.That(error.Message, Does.Contain("face-landmarks"));
    }
}
