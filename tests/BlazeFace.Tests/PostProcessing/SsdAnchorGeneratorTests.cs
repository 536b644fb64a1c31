using BlazeFace;
using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Anchors;

namespace BlazeFace.Tests.PostProcessing;

public class SsdAnchorGeneratorTests
{
    private const float Tolerance = 1e-6f;

    [Test]
    public void ShortRangePresetGives896Anchors() =>
        Assert.That(BlazeFaceModel.ShortRange.Anchors.ToArray(), Has.Length.EqualTo(896));

    [Test]
    public void BackCameraPresetGives896Anchors() =>
        Assert.That(BlazeFaceModel.BackCamera.Anchors.ToArray(), Has.Length.EqualTo(896));

    [Test]
    public void BackCameraHas16x16CellsWithTwoAnchorsThen8x8CellsWithSix()
    {
        // Strides 16, 32, 32, 32 on 256 px: a 16 x 16 map with two anchors per cell, then the three stride-32 layers
        // merged into one 8 x 8 map with six, exactly the short-range layout at twice the input size.
        Anchor[] anchors = BlazeFaceModel.BackCamera.Anchors.ToArray();

        Assert.That(anchors, Is.EqualTo(BlazeFaceModel.ShortRange.Anchors.ToArray()));
    }

    [Test]
    public void FullRangePresetGives2304Anchors() =>
        Assert.That(BlazeFaceModel.FullRange.Anchors.ToArray(), Has.Length.EqualTo(2304));

    [Test]
    public void ShortRangeStartsWithTwoFixedSizeAnchorsAtTheCentreOfTheFirst16x16Cell()
    {
        // Stride 8 on 128 px: 16 x 16 cells; cell (0, 0) centre = 0.5 / 16 = 0.03125. One anchor for aspect
        // ratio 1 plus the interpolated one: two per cell.
        Anchor[] anchors = BlazeFaceModel.ShortRange.Anchors.ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(anchors[0], Is.EqualTo(new Anchor(0.03125f, 0.03125f, 1f, 1f)));
            Assert.That(anchors[1], Is.EqualTo(new Anchor(0.03125f, 0.03125f, 1f, 1f)));
            Assert.That(anchors[2], Is.EqualTo(new Anchor(0.09375f, 0.03125f, 1f, 1f)), "next cell along x: 1.5 / 16");
            Assert.That(anchors[32], Is.EqualTo(new Anchor(0.03125f, 0.09375f, 1f, 1f)), "second row starts after 16 cells x 2 anchors");
            Assert.That(anchors[511], Is.EqualTo(new Anchor(0.96875f, 0.96875f, 1f, 1f)), "last of the 16 x 16 layer: 15.5 / 16");
        });
    }

    [Test]
    public void ShortRangeMergesTheThreeStride16LayersIntoSixAnchorsPer8x8Cell()
    {
        // 16 * 16 * 2 = 512 anchors precede the 8 x 8 map; its cell (0, 0) centre is 0.5 / 8 = 0.0625 and holds
        // 3 layers x (ratio 1 + interpolated) = 6 anchors, so anchor 518 is the next cell (1.5 / 8 = 0.1875).
        Anchor[] anchors = BlazeFaceModel.ShortRange.Anchors.ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(anchors[512], Is.EqualTo(new Anchor(0.0625f, 0.0625f, 1f, 1f)));
            Assert.That(anchors[517], Is.EqualTo(new Anchor(0.0625f, 0.0625f, 1f, 1f)));
            Assert.That(anchors[518], Is.EqualTo(new Anchor(0.1875f, 0.0625f, 1f, 1f)));
            Assert.That(anchors[^1], Is.EqualTo(new Anchor(0.9375f, 0.9375f, 1f, 1f)), "7.5 / 8");
        });
    }

    [Test]
    public void FullRangeHasOneAnchorPerCellOfA48x48Map()
    {
        // Stride 4 on 192 px: 48 x 48 cells, centres (i + 0.5) / 48 = (2i + 1) / 96; the interpolated anchor is
        // off (ratio 0), so one anchor per cell and row y starts at index 48 y.
        Anchor[] anchors = BlazeFaceModel.FullRange.Anchors.ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(anchors[0], Is.EqualTo(new Anchor(1f / 96, 1f / 96, 1f, 1f)));
            Assert.That(anchors[1], Is.EqualTo(new Anchor(3f / 96, 1f / 96, 1f, 1f)));
            Assert.That(anchors[48], Is.EqualTo(new Anchor(1f / 96, 3f / 96, 1f, 1f)));
            Assert.That(anchors[(48 * 10) + 7], Is.EqualTo(new Anchor(15f / 96, 21f / 96, 1f, 1f)), "x = 7, y = 10");
            Assert.That(anchors[^1], Is.EqualTo(new Anchor(95f / 96, 95f / 96, 1f, 1f)));
        });
    }

    [Test]
    public void NonFixedShortRangeAnchorsHaveTheInterpolatedLayerScales()
    {
        // Scales s_i = 0.1484375 + (0.75 - 0.1484375) i / 3 = 0.1484375, 0.3489583, 0.5494792, 0.75.
        // Layer 0: s0 = 0.1484375, then sqrt(s0 s1) = sqrt(0.1484375 * 0.3489583) = 0.2275928.
        // Stride-16 cell: s1, sqrt(s1 s2) = 0.4378874, s2, sqrt(s2 s3) = 0.6419575, s3 = 0.75, sqrt(s3 * 1) = 0.8660254
        // (the last layer interpolates towards 1). Aspect ratio 1: width = height = scale.
        Anchor[] anchors = SsdAnchorGenerator.Generate(new SsdAnchorOptions
        {
            NumLayers = 4,
            MinScale = 0.1484375f,
            MaxScale = 0.75f,
            InputWidth = 128,
            InputHeight = 128,
            Strides = [8, 16, 16, 16],
            AspectRatios = [1.0f],
            FixedAnchorSize = false,
        });

        float[] expectedFirstCell = [0.1484375f, 0.2275928f];
        float[] expectedStride16Cell = [0.3489583f, 0.4378874f, 0.5494792f, 0.6419575f, 0.75f, 0.8660254f];
        Assert.Multiple(() =>
        {
            Assert.That(anchors.Take(2).Select(a => a.Width), Is.EqualTo(expectedFirstCell).Within(Tolerance));
            Assert.That(anchors.Take(2).Select(a => a.Height), Is.EqualTo(expectedFirstCell).Within(Tolerance));
            Assert.That(anchors.Skip(512).Take(6).Select(a => a.Width), Is.EqualTo(expectedStride16Cell).Within(Tolerance));
            Assert.That(anchors.Skip(512).Take(6).Select(a => a.Height), Is.EqualTo(expectedStride16Cell).Within(Tolerance));
        });
    }

    [Test]
    public void AspectRatioIsWidthOverHeightAtConstantArea()
    {
        // Two layers, strides 8 and 16 on 32 px: 4 x 4 cells then 2 x 2 cells, three anchors each = 60.
        // Scales 0.2 and 0.8. Ratio 2 at scale 0.2: width 0.2 sqrt(2) = 0.2828427, height 0.2 / sqrt(2) = 0.1414214.
        // Interpolated on layer 0: sqrt(0.2 * 0.8) = 0.4; on the last layer: sqrt(0.8 * 1) = 0.8944272.
        Anchor[] anchors = SsdAnchorGenerator.Generate(new SsdAnchorOptions
        {
            NumLayers = 2,
            MinScale = 0.2f,
            MaxScale = 0.8f,
            InputWidth = 32,
            InputHeight = 32,
            Strides = [8, 16],
            AspectRatios = [1.0f, 2.0f],
        });

        Assert.Multiple(() =>
        {
            Assert.That(anchors, Has.Length.EqualTo(60));
            AssertSize(anchors[0], 0.2f, 0.2f);
            AssertSize(anchors[1], 0.2828427f, 0.1414214f);
            AssertSize(anchors[2], 0.4f, 0.4f);
            Assert.That(anchors[48], Is.EqualTo(new Anchor(0.25f, 0.25f, 0.8f, 0.8f)), "first cell of the 2 x 2 map");
            AssertSize(anchors[49], 1.1313708f, 0.5656854f);
            AssertSize(anchors[50], 0.8944272f, 0.8944272f);
        });
    }

    [Test]
    public void ReducedLowestLayerUsesThreePredefinedAnchors()
    {
        // Lowest layer: scale 0.1 at ratio 1, then s0 = 0.1484375 at ratios 2 and 0.5:
        // 0.1484375 sqrt(2) = 0.2099223 and 0.1484375 / sqrt(2) = 0.1049612. 16 * 16 * 3 + 8 * 8 * 6 = 1152 anchors.
        Anchor[] anchors = SsdAnchorGenerator.Generate(new SsdAnchorOptions
        {
            NumLayers = 4,
            MinScale = 0.1484375f,
            MaxScale = 0.75f,
            InputWidth = 128,
            InputHeight = 128,
            Strides = [8, 16, 16, 16],
            AspectRatios = [1.0f],
            ReduceBoxesInLowestLayer = true,
        });

        Assert.Multiple(() =>
        {
            Assert.That(anchors, Has.Length.EqualTo(1152));
            AssertSize(anchors[0], 0.1f, 0.1f);
            AssertSize(anchors[1], 0.2099223f, 0.1049612f);
            AssertSize(anchors[2], 0.1049612f, 0.2099223f);
            Assert.That(anchors[3].CenterX, Is.EqualTo(0.09375f), "the fourth anchor is in the next cell");
        });
    }

    [Test]
    public void SingleLayerScaleIsTheMeanOfMinAndMaxScale()
    {
        // With one layer MediaPipe uses (min + max) / 2 = (0.1484375 + 0.75) / 2 = 0.44921875.
        Anchor[] anchors = SsdAnchorGenerator.Generate(new SsdAnchorOptions
        {
            NumLayers = 1,
            MinScale = 0.1484375f,
            MaxScale = 0.75f,
            InputWidth = 192,
            InputHeight = 192,
            Strides = [4],
            AspectRatios = [1.0f],
            InterpolatedScaleAspectRatio = 0f,
        });

        Assert.That(anchors[0], Is.EqualTo(new Anchor(1f / 96, 1f / 96, 0.44921875f, 0.44921875f)));
    }

    [Test]
    public void FeatureMapSizeRoundsUpAndCentresAreRelativeToIt()
    {
        // 100 x 60 px with stride 16: ceil(6.25) = 7 columns, ceil(3.75) = 4 rows; centres (x + 0.5) / 7, (y + 0.5) / 4.
        Anchor[] anchors = SsdAnchorGenerator.Generate(new SsdAnchorOptions
        {
            NumLayers = 1,
            MinScale = 0.5f,
            MaxScale = 0.5f,
            InputWidth = 100,
            InputHeight = 60,
            Strides = [16],
            InterpolatedScaleAspectRatio = 1f,
            FixedAnchorSize = true,
        });

        Assert.Multiple(() =>
        {
            Assert.That(anchors, Has.Length.EqualTo(28));
            Assert.That(anchors[0], Is.EqualTo(new Anchor(0.5f / 7, 0.5f / 4, 1f, 1f)));
            Assert.That(anchors[^1], Is.EqualTo(new Anchor(6.5f / 7, 3.5f / 4, 1f, 1f)));
        });
    }

    [Test]
    public void AnchorOffsetMovesCentresWithinTheirCells()
    {
        Anchor[] anchors = SsdAnchorGenerator.Generate(new SsdAnchorOptions
        {
            NumLayers = 1,
            MinScale = 0.5f,
            MaxScale = 0.5f,
            InputWidth = 16,
            InputHeight = 16,
            Strides = [8],
            AspectRatios = [1f],
            InterpolatedScaleAspectRatio = 0f,
            AnchorOffsetX = 0f,
            AnchorOffsetY = 1f,
            FixedAnchorSize = true,
        });

        Assert.That(anchors, Is.EqualTo(new[]
        {
            new Anchor(0f, 0.5f, 1f, 1f), new Anchor(0.5f, 0.5f, 1f, 1f),
            new Anchor(0f, 1f, 1f, 1f), new Anchor(0.5f, 1f, 1f, 1f),
        }));
    }

    [Test]
    public void NullOptionsThrow() =>
        Assert.That(() => SsdAnchorGenerator.Generate(null!), Throws.ArgumentNullException);

    private static void AssertSize(Anchor anchor, float width, float height)
    {
        Assert.That(anchor.Width, Is.EqualTo(width).Within(Tolerance), "width");
        Assert.That(anchor.Height, Is.EqualTo(height).Within(Tolerance), "height");
    }
}
