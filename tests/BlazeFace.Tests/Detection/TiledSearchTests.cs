using System.Drawing;
using BlazeFace.Preprocessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>
/// A tiled search finds faces too small for a search of the whole image: the 1920x1080 scene with twelve faces of
/// 20-40 pixels (<see cref="SmallFaceScene"/>).
/// </summary>
public class TiledSearchTests
{
    private static readonly Lazy<SmallFaceScene> Scene = new(BuildScene);

    private static readonly ImageProcessingOptions Tiled = new() { Tiling = TilingOptions.Default };

    [Test]
    public void The_full_range_model_alone_misses_the_small_faces()
    {
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange });

        IReadOnlyList<FaceDetection> found = detector.Detect(Scene.Value.Image.AsView());

        Assert.That(Scene.Value.CountFound(found), Is.LessThanOrEqualTo(3));
    }

    [Test]
    public void Tiling_finds_at_least_three_quarters_of_the_small_faces_without_false_ones()
    {
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange });

        IReadOnlyList<FaceDetection> found = detector.Detect(Scene.Value.Image.AsView(), Tiled);

        TestContext.Out.WriteLine($"found {Scene.Value.CountFound(found)} of {Scene.Value.Faces.Count}, {Scene.Value.CountFalse(found)} false, {found.Count} detections");
        Assert.That(Scene.Value.CountFound(found), Is.GreaterThanOrEqualTo(9));
        Assert.That(Scene.Value.CountFalse(found), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void A_large_face_is_found_once_when_tiles_and_the_whole_image_all_see_it()
    {
        RgbImage photo = TestImages.Load("grace_hopper.png");
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange });
        FaceDetection whole = detector.Detect(photo.AsView()).Single();

        IReadOnlyList<FaceDetection> found = detector.Detect(photo.AsView(), Tiled);

        Assert.That(found.Count(f => f.BoundingBox.IntersectionOverUnion(whole.BoundingBox) > 0.3f), Is.EqualTo(1));
    }

    [Test]
    public void Tiles_are_merged_with_the_detector_suppression_and_mapped_to_image_pixels()
    {
        // The same scene moved 100 px right and down inside a larger canvas: the faces move with it.
        SmallFaceScene scene = Scene.Value;
        var shifted = new RgbImage(scene.Image.Width + 100, scene.Image.Height + 100);
        for (int y = 0; y < scene.Image.Height; y++)
        {
            Array.Copy(scene.Image.Pixels, y * scene.Image.Width * 3, shifted.Pixels, (((y + 100) * shifted.Width) + 100) * 3, scene.Image.Width * 3);
        }

        using var detector = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange, NonMaxSuppression = NonMaxSuppressionKind.Hard });
        var region = new Rectangle(100, 100, scene.Image.Width, scene.Image.Height);

        IReadOnlyList<FaceDetection> found = detector.Detect(shifted.AsView(), new ImageProcessingOptions { Tiling = TilingOptions.Default, RegionOfInterest = region });

        FaceDetection[] moved = [.. found.Select(f => f with { BoundingBox = f.BoundingBox with { X = f.BoundingBox.X - 100, Y = f.BoundingBox.Y - 100 } })];
        Assert.That(scene.CountFound(moved), Is.GreaterThanOrEqualTo(9));
    }

    [Test]
    public void Tiling_options_are_checked_when_set()
    {
        Assert.That(() => new TilingOptions { TileSize = 31 }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("TileSize"));
        Assert.That(() => new TilingOptions { Overlap = 0.8f }, Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("Overlap"));
        Assert.That(() => new TilingOptions { Overlap = float.NaN }, Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That((TilingOptions.Default.TileSize, TilingOptions.Default.Overlap), Is.EqualTo(((int?)null, 0.25f)));
    }

    private static SmallFaceScene BuildScene()
    {
        (RgbImage, FaceBox) Source(string name)
        {
            var golden = new GoldenCase("full", name);
            ExpectedDetections expected = ExpectedDetections.Load(golden.DetectionsPath);
            return (TestImages.Load(expected.Image), expected.Faces.Single().Box);
        }

        return SmallFaceScene.Build(
            [TestImages.Load("no_face_coffee.png"), TestImages.Load("no_face_stairs.png")],
            [Source("astronaut"), Source("grace_hopper"), Source("cameraman")]);
    }
}
