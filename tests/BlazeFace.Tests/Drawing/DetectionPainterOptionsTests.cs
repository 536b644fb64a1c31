using System.Drawing;
using BlazeFace.Imaging;

namespace BlazeFace.Tests.Drawing;

public class DetectionPainterOptionsTests
{
    [Test]
    public void DefaultsAreAGreenTwoPixelBoxAndRedTwoPixelKeypoints()
    {
        var options = new DetectionPainterOptions();

        Assert.That(
            (options.BoxColor, options.KeypointColor, options.Thickness, options.KeypointRadius, options.DrawKeypoints),
            Is.EqualTo((Color.FromArgb(0, 255, 0), Color.FromArgb(255, 0, 0), 2, 2, true)));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void ThicknessBelowOneIsRejected(int thickness) =>
        Assert.That(
            () => new DetectionPainterOptions { Thickness = thickness },
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("Thickness"));

    [Test]
    public void NegativeKeypointRadiusIsRejected() =>
        Assert.That(
            () => new DetectionPainterOptions { KeypointRadius = -1 },
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("KeypointRadius"));
}
