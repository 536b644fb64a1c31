using BlazeFace.Imaging;
using BlazeFace.Landmarks;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Landmarks;

/// <summary>
/// The landmark model's input: the region sampled in one bilinear pass into 192x192 RGB in [0, 1], the image's edge
/// repeated where the region leaves it (MediaPipe's BORDER_REPLICATE).
/// </summary>
public class RegionCropTests
{
    private const int Size = 192;

    private static IEnumerable<TestCaseData> Goldens() =>
        from golden in MeshGolden.All()
        from vectors in new[] { true, false }
        select new TestCaseData(golden.Name, vectors).SetArgDisplayNames(golden.ToString(), vectors ? "vectors" : "per channel");

    [TestCaseSource(nameof(Goldens))]
    public void The_crop_of_a_golden_region_is_the_golden_input(string name, bool vectors)
    {
        var golden = MeshGolden.Load(name);
        float[] tensor = new float[Size * Size * 3];

        RegionCrop.Sample(TestImages.Load(golden.Photo).AsView(), golden.Region, Size, vectors, tensor);

        // The golden blends in float64; float32 blending and the region's float32 corners move a value by about a
        // millionth. 1e-4 is a fortieth of one byte level (1/255), so any wrong pixel, channel or weight fails.
        float[] expected = golden.Tensors.Input;
        float worst = expected.Select((value, i) => Math.Abs(value - tensor[i])).Max();
        TestContext.Out.WriteLine($"{golden}: max |diff| {worst:E2}");
        Assert.That(worst, Is.LessThan(1e-4f));
    }

    [TestCase(ImagePixelFormat.Rgb24)]
    [TestCase(ImagePixelFormat.Bgr24)]
    [TestCase(ImagePixelFormat.Rgba32)]
    [TestCase(ImagePixelFormat.Bgra32)]
    public void The_vector_loop_gives_exactly_the_per_channel_loops_values(ImagePixelFormat format)
    {
        // Regions inside, across every edge, far outside, and turned by awkward angles.
        var random = new Random(18);
        int width = 61, height = 47;
        byte[] pixels = new byte[width * height * format.BytesPerPixel()];
        random.NextBytes(pixels);
        var image = new ImageView(pixels, width, height, format);
        float[] vector = new float[Size * Size * 3];
        float[] scalar = new float[Size * Size * 3];
        for (int i = 0; i < 40; i++)
        {
            var region = new RotatedBox(random.NextSingle() * 100 - 20, random.NextSingle() * 90 - 20, 5 + (random.NextSingle() * 80), 5 + (random.NextSingle() * 80), (random.NextSingle() * 360) - 180);

            RegionCrop.Sample(image, region, Size, useVectors: true, vector);
            RegionCrop.Sample(image, region, Size, useVectors: false, scalar);

            Assert.That(vector, Is.EqualTo(scalar), $"region {region}");
        }
    }

    [Test]
    public void A_region_beyond_the_left_edge_repeats_the_edge_column()
    {
        // A 4x2 image whose first column is red above, blue below; a region entirely left of the image, unturned.
        byte[] pixels =
        [
            255, 0, 0, 9, 9, 9, 9, 9, 9, 9, 9, 9,
            0, 0, 255, 9, 9, 9, 9, 9, 9, 9, 9, 9,
        ];
        var image = new ImageView(pixels, 4, 2, ImagePixelFormat.Rgb24);
        float[] tensor = new float[Size * Size * 3];

        RegionCrop.Sample(image, new RotatedBox(-50, 1, 20, 20, 0), Size, useVectors: true, tensor);

        // Rows above the image's middle read the top row's edge pixel, rows below the bottom row's, blended between.
        Assert.Multiple(() =>
        {
            Assert.That(tensor.AsSpan(0, 3).ToArray(), Is.EqualTo(new[] { 1f, 0f, 0f }), "top-left: red");
            Assert.That(tensor.AsSpan(((Size * Size) - 1) * 3, 3).ToArray(), Is.EqualTo(new[] { 0f, 0f, 1f }), "bottom-right: blue");
            Assert.That(tensor.Where((_, i) => i % 3 == 1), Is.All.EqualTo(0f), "no green anywhere: nothing but the edge column is read");
        });
    }

    [Test]
    public void Values_run_from_0_for_black_to_1_for_white()
    {
        byte[] pixels = [0, 0, 0, 255, 255, 255];
        var image = new ImageView(pixels, 2, 1, ImagePixelFormat.Rgb24);
        float[] tensor = new float[Size * Size * 3];

        RegionCrop.Sample(image, new RotatedBox(-100, 0.5f, 10, 10, 0), Size, useVectors: true, tensor);
        float black = tensor.Max();
        RegionCrop.Sample(image, new RotatedBox(100, 0.5f, 10, 10, 0), Size, useVectors: true, tensor);

        Assert.Multiple(() =>
        {
            Assert.That(black, Is.EqualTo(0f), "black");
            Assert.That(tensor, Is.All.EqualTo(1f), "white");
        });
    }
}
