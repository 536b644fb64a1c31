using BlazeFace.Search;

namespace BlazeFace.Tests.Search;

/// <summary>The tiles of a tiled search: levels of square tiles doubling in size, overlapping, spanning the canvas.</summary>
public class TilePyramidTests
{
    [Test]
    public void A_full_hd_canvas_gets_four_levels_of_192_pixel_tiles()
    {
        TileWindow[] tiles = [.. Enumerate(new TilePyramid(1920, 1080, 192, 0.25))];

        // Per level: ceil((length - tile) / (tile x 0.75)) + 1 tiles along each axis (13 x 8, 7 x 4, 3 x 2, 2 x 1).
        Assert.That(tiles.GroupBy(t => t.Width).Select(g => (g.Key, g.Count())), Is.EqualTo(new[] { (192.0, 104), (384.0, 28), (768.0, 6), (1536.0, 2) }));
    }

    [Test]
    public void Each_level_spans_the_canvas_and_neighbours_overlap_by_at_least_the_overlap([Values(0.0, 0.25, 0.5)] double overlap)
    {
        foreach (IGrouping<double, TileWindow> level in Enumerate(new TilePyramid(1000, 700, 128, overlap)).GroupBy(t => t.Width))
        {
            double[] lefts = [.. level.Select(t => t.X).Distinct().Order()];
            double[] tops = [.. level.Select(t => t.Y).Distinct().Order()];
            TileWindow any = level.First();
            Assert.That((lefts[0], tops[0]), Is.EqualTo((0.0, 0.0)), $"level {level.Key} starts at the corner");
            Assert.That(lefts[^1] + any.Width, Is.EqualTo(1000).Within(0.5), $"level {level.Key} reaches the right edge");
            Assert.That(tops[^1] + any.Height, Is.EqualTo(700).Within(0.5).Or.EqualTo(any.Height), $"level {level.Key} reaches the bottom edge");
            for (int i = 1; i < lefts.Length; i++)
            {
                Assert.That(lefts[i - 1] + any.Width - lefts[i], Is.GreaterThanOrEqualTo((overlap * any.Width) - 0.5), $"level {level.Key} overlap");
            }
        }
    }

    [Test]
    public void A_tile_longer_than_the_canvas_side_spans_that_side()
    {
        TileWindow[] tiles = [.. Enumerate(new TilePyramid(1000, 150, 192, 0.25))];

        Assert.That(tiles.Where(t => t.Width == 192).Select(t => (t.Y, t.Height)).Distinct(), Is.EqualTo(new[] { (0.0, 150.0) }));
    }

    [Test]
    public void There_are_no_tiles_when_one_would_cover_the_canvas()
    {
        Assert.That(new TilePyramid(192, 100, 192, 0.25).Count, Is.Zero);
    }

    private static List<TileWindow> Enumerate(TilePyramid pyramid)
    {
        var tiles = new List<TileWindow>();
        foreach (TileWindow tile in pyramid)
        {
            tiles.Add(tile);
        }

        return tiles;
    }
}
