using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Anchors;

namespace BlazeFace.Tests.PostProcessing;

public class SsdAnchorOptionsTests
{
    private static IEnumerable<TestCaseData> InvalidOptions()
    {
        yield return Case(Options(numLayers: 0, strides: []), "NumLayers", "no layers");
        yield return Case(Options(numLayers: 1, strides: []), "Strides", "empty strides");
        yield return Case(MinimalOptions(strides: null!, aspectRatios: [1f]), "Strides", "null strides");
        yield return Case(Options(numLayers: 2, strides: [8]), "Strides", "fewer strides than layers");
        yield return Case(Options(numLayers: 1, strides: [0]), "Strides", "zero stride");
        yield return Case(Options(numLayers: 1, strides: [-8]), "Strides", "negative stride");
        yield return Case(Options(inputWidth: 0), "InputWidth", "zero width");
        yield return Case(Options(inputHeight: -1), "InputHeight", "negative height");
        yield return Case(Options(minScale: 0f), "MinScale", "zero min scale");
        yield return Case(Options(maxScale: float.NaN), "MaxScale", "NaN max scale");
        yield return Case(Options(aspectRatios: [1f, 0f]), "AspectRatios", "zero aspect ratio");
        yield return Case(MinimalOptions(strides: [8], aspectRatios: null!), "AspectRatios", "null aspect ratios");
        yield return Case(Options(aspectRatios: [], interpolated: 0f), "AspectRatios", "no anchors per cell");
        yield return Case(Options(interpolated: -1f), "InterpolatedScaleAspectRatio", "negative interpolated ratio");
        yield return Case(Options(offsetX: float.PositiveInfinity), "AnchorOffsetX", "infinite offset");
    }

    [TestCaseSource(nameof(InvalidOptions))]
    public void InvalidOptionsThrowNamingTheProperty(object options, string property) =>
        Assert.That(
            () => SsdAnchorGenerator.Generate((SsdAnchorOptions)options),
            Throws.InstanceOf<ArgumentException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo(property));

    [Test]
    public void OffsetsAndInterpolatedRatioDefaultToMediaPipesValues()
    {
        SsdAnchorOptions options = MinimalOptions(strides: [8], aspectRatios: [1f]);

        Assert.Multiple(() =>
        {
            Assert.That(options.AnchorOffsetX, Is.EqualTo(0.5f));
            Assert.That(options.AnchorOffsetY, Is.EqualTo(0.5f));
            Assert.That(options.InterpolatedScaleAspectRatio, Is.EqualTo(1f));
            Assert.That(options.ReduceBoxesInLowestLayer, Is.False);
            Assert.That(options.FixedAnchorSize, Is.False);
        });
    }

    private static TestCaseData Case(SsdAnchorOptions options, string property, string what) =>
        new TestCaseData(options, property).SetArgDisplayNames(what);

    private static SsdAnchorOptions Options(
        int numLayers = 1,
        int[]? strides = null,
        int inputWidth = 16,
        int inputHeight = 16,
        float minScale = 0.25f,
        float maxScale = 0.75f,
        float[]? aspectRatios = null,
        float interpolated = 1f,
        float offsetX = 0.5f) => new()
        {
            NumLayers = numLayers,
            Strides = strides ?? [8],
            InputWidth = inputWidth,
            InputHeight = inputHeight,
            MinScale = minScale,
            MaxScale = maxScale,
            AspectRatios = aspectRatios ?? [1f],
            InterpolatedScaleAspectRatio = interpolated,
            AnchorOffsetX = offsetX,
        };

    private static SsdAnchorOptions MinimalOptions(IReadOnlyList<int> strides, IReadOnlyList<float> aspectRatios) => new()
    {
        NumLayers = 1,
        Strides = strides,
        InputWidth = 16,
        InputHeight = 16,
        MinScale = 0.25f,
        MaxScale = 0.75f,
        AspectRatios = aspectRatios,
    };
}
