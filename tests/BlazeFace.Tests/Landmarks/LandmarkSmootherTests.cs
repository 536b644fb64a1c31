using System.Numerics;
using BlazeFace.Landmarks;
using BlazeFace.Tracking;

namespace BlazeFace.Tests.Landmarks;

/// <summary>
/// The landmark filters: a One-Euro filter per coordinate whose cut-off rises with that coordinate's speed, measured
/// in face sizes per second, as MediaPipe's landmark smoothing does.
/// </summary>
public class LandmarkSmootherTests
{
    private const float Step = 1f / 30;

    [Test]
    public void A_still_face_stays_where_it_is()
    {
        Vector3[] face = Face(size: 100, x: 50);
        var smoother = new LandmarkSmoother();
        smoother.Start(face);
        Vector3[] next = [.. face];

        smoother.Smooth(next, Step, new OneEuroSettings(0.05f, 80f, 1f));

        Assert.That(next, Is.EqualTo(face));
    }

    [Test]
    public void Without_speed_feedback_a_coordinate_moves_by_the_low_pass_factor_of_the_minimum_cut_off()
    {
        // Beta 0: the cut-off is MinCutoff whatever the speed, so one step moves a coordinate by alpha of the jump.
        var settings = new OneEuroSettings(1f, 0f, 1f);
        float alpha = OneEuroFilter.Alpha(1f, Step);
        var smoother = new LandmarkSmoother();
        smoother.Start(Face(size: 100, x: 50));
        Vector3[] jumped = Face(size: 100, x: 60);

        smoother.Smooth(jumped, Step, settings);

        Assert.That(jumped[0].X, Is.EqualTo(50 + (10 * alpha)).Within(1e-4f));
    }

    [Test]
    public void Speed_is_measured_in_face_sizes_so_a_near_face_and_a_far_one_smooth_alike()
    {
        // The same motion at twice the scale: every smoothed coordinate is twice as far from the start.
        var settings = new OneEuroSettings(0.05f, 80f, 1f);
        Vector3[] small = Track(size: 100, scale: 1, settings);
        Vector3[] large = Track(size: 200, scale: 2, settings);

        for (int i = 0; i < small.Length; i++)
        {
            Assert.That(large[i].X, Is.EqualTo(2 * small[i].X).Within(1e-3f), $"landmark {i}");
        }
    }

    [Test]
    public void A_fast_coordinate_follows_more_closely_than_a_slow_one()
    {
        // Two faces moving steadily, one five times faster: after a second the fast one lags less in face sizes.
        var settings = new OneEuroSettings(0.05f, 80f, 1f);
        float slowLag = Lag(speed: 10, settings);
        float fastLag = Lag(speed: 50, settings);

        Assert.That(fastLag / 50, Is.LessThan(slowLag / 10), "lag as a share of the motion per second");
    }

    private static Vector3[] Track(float size, float scale, OneEuroSettings settings)
    {
        var smoother = new LandmarkSmoother();
        smoother.Start(Face(size, 0));
        Vector3[] points = [];
        for (int frame = 1; frame <= 10; frame++)
        {
            points = Face(size, scale * 3 * frame);
            smoother.Smooth(points, Step, settings);
        }

        return points;
    }

    private static float Lag(float speed, OneEuroSettings settings)
    {
        var smoother = new LandmarkSmoother();
        smoother.Start(Face(100, 0));
        Vector3[] points = [];
        for (int frame = 1; frame <= 30; frame++)
        {
            points = Face(100, speed * frame * Step);
            smoother.Smooth(points, Step, settings);
        }

        return (speed * 30 * Step) - points[0].X;
    }

    /// <summary>468 points on a square <paramref name="size"/> pixels wide, shifted right by <paramref name="x"/>.</summary>
    private static Vector3[] Face(float size, float x) =>
        [.. Enumerable.Range(0, FaceMesh.LandmarkCount).Select(i => new Vector3(x + (size * (i % 22) / 21), size * (i / 22) / 21, (i % 5) - 2))];
}
