using System.Globalization;
using BlazeFace.SkiaSharp.Tests.Support;
using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary>
/// A reduced decode (<see cref="UprightImageOptions.MinimumSide"/> at the model's input size: 1/8 for a 12-megapixel
/// JPEG) agrees with the full-resolution search on each bundled photo made into a 12-megapixel JPEG, with the short-
/// and full-range models: every face found at full resolution at least 0.03 above the threshold is found (IoU at
/// least 0.85), and no face more than 0.03 above the threshold appears that full resolution does not find.
/// </summary>
/// <remarks>
/// <para>
/// Agreement, not identity: a DCT scale averages each 8x8 block where the search's bilinear sampling of the full
/// image reads a few pixels of it, so boxes move a little and scores change. The measured numbers go to the test
/// output.
/// </para>
/// <para>
/// The same photos with grain (the benchmark's files) are held to the faces of the full-resolution search of the
/// clean photo: grain makes that search itself unsteady, since its bilinear taps read single noisy pixels (on the
/// grainy stairs, a photo without a face, it raises a 0.549 face), while the reduced decode averages the grain away.
/// </para>
/// </remarks>
public class ReducedDecodeAgreementTests
{
    private const float Margin = 0.03f;
    private const float MinimumIoU = 0.85f;

    public static IEnumerable<TestCaseData> Photos =>
        TestImages.Names.Where(name => File.Exists(RepositoryPaths.Asset($"images/{name}")))
            .SelectMany(name => new[] { new TestCaseData(name, false), new TestCaseData(name, true) });

    [TestCaseSource(nameof(Photos))]
    public void A_reduced_decode_finds_the_confident_faces_of_the_full_one_and_no_confident_new_face(string photo, bool grain)
    {
        RgbImage pixels = TestImages.Load(photo);
        using SKBitmap whole = UprightImage.Decode(TwelveMegapixelJpeg.From(pixels, grainSeed: null));
        byte[] file = grain ? TwelveMegapixelJpeg.From(pixels, grainSeed: photo.Length) : TwelveMegapixelJpeg.From(pixels, grainSeed: null);

        // Both models' inputs (128 and 192 pixels) give the same 1/8 scale.
        using SKBitmap reduced = UprightImage.Decode(file, new UprightImageOptions { MinimumSide = 192 }, out SKSizeI size);
        Assert.That(reduced.Width, Is.EqualTo(TwelveMegapixelJpeg.Width / 8), "decoded at 1/8");

        foreach (BlazeFaceModel model in new[] { BlazeFaceModel.ShortRange, BlazeFaceModel.FullRange })
        {
            using var detector = new FaceDetector(new FaceDetectorOptions { Model = model });
            IReadOnlyList<FaceDetection> full = detector.Detect(whole);
            IReadOnlyList<FaceDetection> found = detector.Detect(reduced, size);

            float confident = detector.MinScore + Margin;
            foreach (FaceDetection face in full.Where(f => f.Score >= confident))
            {
                float best = found.Select(f => f.BoundingBox.IntersectionOverUnion(face.BoundingBox)).DefaultIfEmpty(0f).Max();
                Assert.That(best, Is.AtLeast(MinimumIoU), $"{photo}, {model.Name}: the {face.Score:0.000} face at full resolution");
            }

            foreach (FaceDetection face in found.Where(f => f.Score > confident))
            {
                Assert.That(full.Any(f => f.BoundingBox.IntersectionOverUnion(face.BoundingBox) > 0.5f), Is.True,
                    $"{photo}, {model.Name}: the reduced decode's {face.Score:0.000} face is not found at full resolution");
            }

            TestContext.Out.WriteLine(Summary($"{photo}{(grain ? " with grain" : "")} {model.Name}", full, found));
        }
    }

    /// <summary>One line: faces at each resolution, and for each full-resolution face its score and IoU in the reduced decode.</summary>
    private static string Summary(string what, IReadOnlyList<FaceDetection> full, IReadOnlyList<FaceDetection> found)
    {
        IEnumerable<string> pairs = full.Select(face =>
        {
            float iou = found.Select(f => f.BoundingBox.IntersectionOverUnion(face.BoundingBox)).DefaultIfEmpty(0f).Max();
            FaceDetection? match = iou > 0.5f ? found.First(f => f.BoundingBox.IntersectionOverUnion(face.BoundingBox) == iou) : null;
            return match is { } m
                ? string.Create(CultureInfo.InvariantCulture, $"{face.Score:0.000}->{m.Score:0.000} IoU {iou:0.000}")
                : string.Create(CultureInfo.InvariantCulture, $"{face.Score:0.000}->lost");
        });
        IEnumerable<string> extra = found.Where(f => !full.Any(g => g.BoundingBox.IntersectionOverUnion(f.BoundingBox) > 0.5f))
            .Select(f => string.Create(CultureInfo.InvariantCulture, $"new {f.Score:0.000}"));
        return $"agreement {what}: full {full.Count}, reduced {found.Count}; {string.Join("; ", pairs.Concat(extra))}";
    }
}
