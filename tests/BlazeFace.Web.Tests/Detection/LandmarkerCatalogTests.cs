using BlazeFace.Web.Detection;
using BlazeFace.Web.Hosting;
using BlazeFace.Web.Requests;
using Microsoft.Extensions.Options;

namespace BlazeFace.Web.Tests.Detection;

/// <summary>
/// For photos with mesh=true the server keeps one shared face landmarker per (model, minScore), whose detector is
/// configured as the query asks, exactly as the plain detector for the same query is.
/// </summary>
public class LandmarkerCatalogTests
{
    [Test]
    public void The_same_model_and_threshold_share_one_landmarker_whose_detector_is_configured_as_asked()
    {
        WebSampleOptions limits = new();
        using var landmarkers = new LandmarkerCatalog(Options.Create(limits));
        using var detectors = new DetectorCatalog(Options.Create(limits));
        var query = new DetectionQuery("full", 0.7f, Mesh: true);

        using CatalogLease<FaceLandmarker> first = landmarkers.Rent(query);
        using CatalogLease<FaceLandmarker> second = landmarkers.Rent(query);
        using CatalogLease<FaceLandmarker> other = landmarkers.Rent(query with { MinScore = null });
        using CatalogLease<FaceDetector> plain = detectors.Rent(query with { Mesh = false });

        Assert.That(second.Instance, Is.SameAs(first.Instance));
        Assert.That(other.Instance, Is.Not.SameAs(first.Instance));
        Assert.That(first.Instance.Detector.Model, Is.SameAs(plain.Instance.Model).And.SameAs(BlazeFaceModel.FullRange));
        Assert.That(first.Instance.Detector.MinScore, Is.EqualTo(plain.Instance.MinScore).And.EqualTo(0.7f));
        Assert.That(first.Instance.Detector.MaxFaces, Is.EqualTo(plain.Instance.MaxFaces), "the same cap on faces");
        Assert.That(other.Instance.Detector.MinScore, Is.EqualTo(BlazeFaceModel.FullRange.DefaultMinScore));
        Assert.That(first.Instance.Model, Is.SameAs(BlazeFaceModel.FaceLandmarks));
    }
}
