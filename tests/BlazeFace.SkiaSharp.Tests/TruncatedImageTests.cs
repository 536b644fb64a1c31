using BlazeFace.SkiaSharp.Tests.Support;
using SkiaSharp;

namespace BlazeFace.SkiaSharp.Tests;

/// <summary>
/// A file cut anywhere is refused by <see cref="UprightImage"/> with <see cref="InvalidDataException"/>, whatever the
/// decoder would make of it; <see cref="UprightImageOptions.AllowPartialImages"/> takes it as far as its data goes.
/// </summary>
public class TruncatedImageTests
{
    private static readonly string[] Fixtures =
    [
        "formats/jpeg-baseline.jpg", "formats/jpeg-progressive.jpg", "formats/jpeg-grey.jpg", "formats/jpeg-cmyk.jpg",
        "formats/png-rgba.png", "formats/png-palette.png", "formats/png-grey16.png", "formats/png-rgb16-interlaced.png",
        "formats/webp-lossy.webp", "formats/webp-lossless.webp", "formats/gif-animated.gif", "formats/bmp-24.bmp",
        "exif/orientation-6.jpg",
    ];

    [TestCaseSource(nameof(Fixtures))]
    public void The_whole_file_decodes(string fixture)
    {
        byte[] file = File.ReadAllBytes(SkiaBitmaps.Fixture(fixture));

        Assert.DoesNotThrow(() => UprightImage.Decode(file).Dispose());
    }

    [TestCaseSource(nameof(Fixtures))]
    public void The_file_cut_anywhere_is_refused(string fixture)
    {
        byte[] file = File.ReadAllBytes(SkiaBitmaps.Fixture(fixture));
        var accepted = new List<int>();

        foreach (int length in Cuts(file.Length))
        {
            try
            {
                UprightImage.Decode(file.AsSpan(0, length)).Dispose();
                accepted.Add(length);
            }
            catch (InvalidDataException)
            {
            }
        }

        Assert.That(accepted, Is.Empty, $"lengths of the {file.Length}-byte file that decoded");
    }

    [TestCase("formats/jpeg-progressive.jpg", "end-of-image marker")]
    [TestCase("formats/png-rgba.png", "IEND")]
    [TestCase("formats/webp-lossless.webp", "announces")]
    [TestCase("formats/gif-animated.gif", "trailer")]
    public void The_refusal_says_the_file_is_truncated_and_what_is_missing(string fixture, string missing)
    {
        byte[] file = File.ReadAllBytes(SkiaBitmaps.Fixture(fixture));

        var error = Assert.Throws<InvalidDataException>(() => UprightImage.Decode(file.AsSpan(0, file.Length - 1)));

        Assert.That(error!.Message, Does.Contain("truncated").And.Contain(missing));
    }

    [TestCase("formats/jpeg-baseline.jpg")]
    [TestCase("formats/jpeg-progressive.jpg")]
    [TestCase("formats/png-rgba.png")]
    [TestCase("formats/webp-lossy.webp")]
    [TestCase("formats/gif-animated.gif")]
    public void With_partial_images_allowed_a_file_cut_in_half_decodes_at_its_full_size(string fixture)
    {
        byte[] file = File.ReadAllBytes(SkiaBitmaps.Fixture(fixture));
        using SKBitmap whole = UprightImage.Decode(file);

        using SKBitmap partial = UprightImage.Decode(file.AsSpan(0, file.Length * 6 / 10), new UprightImageOptions { AllowPartialImages = true });

        Assert.That((partial.Width, partial.Height), Is.EqualTo((whole.Width, whole.Height)));
    }

    [Test]
    public void Partial_images_are_refused_unless_allowed() => Assert.That(new UprightImageOptions().AllowPartialImages, Is.False);

    /// <summary>Every hundredth of the file and each of its last 40 bytes: a cut inside the data and one in its closing bytes.</summary>
    private static SortedSet<int> Cuts(int length)
    {
        var cuts = new SortedSet<int>();
        for (int percent = 1; percent < 100; percent++)
        {
            cuts.Add(length * percent / 100);
        }

        for (int removed = 1; removed <= 40; removed++)
        {
            cuts.Add(length - removed);
        }

        return cuts;
    }
}
