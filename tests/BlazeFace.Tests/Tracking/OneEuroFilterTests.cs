using BlazeFace.Tracking;

namespace BlazeFace.Tests.Tracking;

/// <summary>The two low-pass filters of one coordinate.</summary>
public class OneEuroFilterTests
{
    [Test]
    public void Alpha_is_one_half_when_the_interval_equals_the_time_constant()
    {
        // tau = 1 / (2 pi fc) = 1 s.
        Assert.That(OneEuroFilter.Alpha(1f / (2f * MathF.PI), 1f), Is.EqualTo(0.5f).Within(1e-6f));
    }

    [Test]
    public void Alpha_is_one_for_an_infinite_cutoff()
    {
        Assert.That(OneEuroFilter.Alpha(float.PositiveInfinity, 1f / 30), Is.EqualTo(1f));
    }

    [Test]
    public void The_rate_converges_to_a_constant_speed()
    {
        var filter = default(OneEuroFilter);
        filter.Start(0);
        const float dt = 1f / 30;
        float alpha = OneEuroFilter.Alpha(0.3f, dt);
        for (int i = 1; i <= 300; i++)
        {
            filter.UpdateRate(12f * i * dt, dt, alpha);
            filter.Smooth(12f * i * dt, 0.2f);
        }

        Assert.That(filter.Rate, Is.EqualTo(12f).Within(1e-3f));
    }

    [Test]
    public void The_value_follows_a_ramp_at_the_first_order_steady_lag()
    {
        var filter = default(OneEuroFilter);
        filter.Start(0);
        const float dt = 1f / 30;
        const float alpha = 0.25f;
        float raw = 0;
        for (int i = 1; i <= 300; i++)
        {
            raw = 6f * i * dt;
            filter.UpdateRate(raw, dt, 1f);
            filter.Smooth(raw, alpha);
        }

        // x_n = x_(n-1) + alpha (raw_n - x_(n-1)) on a ramp settles (1 - alpha) / alpha steps behind.
        Assert.That(raw - filter.Value, Is.EqualTo(6f * dt * (1 - alpha) / alpha).Within(1e-3f));
    }

    [Test]
    public void Advancing_moves_along_the_rate_and_a_sample_on_the_path_then_reads_no_jump_in_speed()
    {
        var filter = default(OneEuroFilter);
        filter.Start(0);
        const float dt = 0.1f;
        for (int i = 1; i <= 100; i++)
        {
            filter.UpdateRate(5f * i * dt, dt, 1f);
            filter.Smooth(5f * i * dt, 1f);
        }

        filter.Advance(dt);
        filter.Advance(dt);
        Assert.That(filter.Value, Is.EqualTo(5f * 102 * dt).Within(1e-3f));
        Assert.That(filter.Predict(dt), Is.EqualTo(5f * 103 * dt).Within(1e-3f));

        filter.UpdateRate(5f * 103 * dt, dt, 1f);
        Assert.That(filter.Rate, Is.EqualTo(5f).Within(1e-3f));
    }
}
