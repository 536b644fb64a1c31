using BlazeFace.Imaging;
using BlazeFace.Web.Detection;
using BlazeFace.Web.Hosting;
using BlazeFace.Web.Requests;
using Microsoft.Extensions.Options;

namespace BlazeFace.Web.Tests.Detection;

/// <summary>
/// The server keeps one shared detector per (model, minScore) asked for, up to its capacity; past it a request gets
/// a detector of its own, released with the request, so callers cycling through thresholds cannot grow the server.
/// </summary>
public class DetectorCatalogTests
{
    [Test]
    public void The_same_model_and_threshold_share_one_detector_configured_as_asked()
    {
        using var catalog = new DetectorCatalog(Options.Create(new WebSampleOptions()));

        using CatalogLease<FaceDetector> first = catalog.Rent(new DetectionQuery("full", 0.7f, Mesh: false));
        using CatalogLease<FaceDetector> second = catalog.Rent(new DetectionQuery("full", 0.7f, Mesh: false));
        using CatalogLease<FaceDetector> other = catalog.Rent(new DetectionQuery("full", null, Mesh: false));

        Assert.That(second.Instance, Is.SameAs(first.Instance));
        Assert.That(other.Instance, Is.Not.SameAs(first.Instance));
        Assert.That(first.Instance.Model, Is.SameAs(BlazeFaceModel.FullRange));
        Assert.That(first.Instance.MinScore, Is.EqualTo(0.7f));
        Assert.That(other.Instance.MinScore, Is.EqualTo(BlazeFaceModel.FullRange.DefaultMinScore));
    }

    [Test]
    public void Past_its_capacity_a_request_gets_a_detector_of_its_own_released_with_the_lease()
    {
        using var catalog = new DetectorCatalog(Options.Create(new WebSampleOptions { MaxCachedDetectors = 1 }));
        using CatalogLease<FaceDetector> kept = catalog.Rent(new DetectionQuery("short", 0.5f, Mesh: false));

        FaceDetector own;
        using (CatalogLease<FaceDetector> lease = catalog.Rent(new DetectionQuery("short", 0.6f, Mesh: false)))
        {
            own = lease.Instance;
            Assert.That(own.MinScore, Is.EqualTo(0.6f));
        }

        using CatalogLease<FaceDetector> again = catalog.Rent(new DetectionQuery("short", 0.6f, Mesh: false));
        Assert.That(again.Instance, Is.Not.SameAs(own), "not kept");
        Assert.Throws<ObjectDisposedException>(() => own.Detect(new ImageBuffer(new byte[8 * 8 * 3], 8, 8, ImagePixelFormat.Rgb24)), "released with its lease");
        Assert.DoesNotThrow(() => kept.Instance.Detect(new ImageBuffer(new byte[8 * 8 * 3], 8, 8, ImagePixelFormat.Rgb24)), "the shared one stays");
    }
}
