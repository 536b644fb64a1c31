namespace BlazeFace.Tests.Detection;

public class RotatedBoxTests
{
    [Test]
    public void An_unturned_box_is_its_own_bounds()
    {
        var box = new FaceBox(10, 20, 30, 40);

        Assert.That(RotatedBox.FromBox(box).Bounds, Is.EqualTo(box));
    }

    [Test]
    public void A_quarter_turned_box_swaps_width_and_height_in_its_bounds()
    {
        var box = new RotatedBox(50, 50, 40, 20, 90);

        Assert.That(box.Bounds, Is.EqualTo(new FaceBox(40, 30, 20, 40)));
    }

    [Test]
    public void Corners_run_clockwise_from_the_box_own_top_left()
    {
        // Turned 90° clockwise, the box's own top-left corner is at the top right on screen.
        var box = new RotatedBox(50, 50, 40, 20, 90);
        float[] corners = new float[8];

        box.CopyCornersTo(corners);

        Assert.That(corners, Is.EqualTo(new[] { 60f, 30f, 60f, 70f, 40f, 70f, 40f, 30f }).Within(1e-4f));
    }

    [Test]
    public void The_bounds_hold_every_corner([Values(0f, 15f, 45f, 100f, -170f)] float angle)
    {
        var box = new RotatedBox(100, 80, 60, 30, angle);
        float[] corners = new float[8];
        box.CopyCornersTo(corners);
        FaceBox bounds = box.Bounds;

        for (int i = 0; i < 8; i += 2)
        {
            Assert.That(corners[i], Is.InRange(bounds.X - 1e-3f, bounds.Right + 1e-3f));
            Assert.That(corners[i + 1], Is.InRange(bounds.Y - 1e-3f, bounds.Bottom + 1e-3f));
        }

        Assert.That(corners.Where((_, i) => i % 2 == 0).Min(), Is.EqualTo(bounds.X).Within(1e-3f), "tight");
    }

    [Test]
    public void A_short_corner_buffer_is_refused() =>
        Assert.That(() => new RotatedBox(0, 0, 1, 1, 0).CopyCornersTo(new float[7]), Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("destination"));
}
