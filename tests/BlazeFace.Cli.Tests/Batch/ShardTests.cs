using BlazeFace.Cli.Batch;

namespace BlazeFace.Cli.Tests.Batch;

/// <summary>--shard K/N's split: by the SHA-256 of the relative path, so every machine and language agrees on it.</summary>
public class ShardTests
{
    [TestCase("2023/summer/IMG_0001.jpg", 1000, 51)]
    [TestCase("a.jpg", 1000, 26)]
    [TestCase("photos/b.png", 7, 3)]
    public void A_file_belongs_to_the_shard_its_paths_sha256_gives(string relativePath, int count, int shard)
    {
        // Python: int.from_bytes(hashlib.sha256(path.encode()).digest()[:8], "big") % count
        Assert.That(Shard.Of(relativePath, count), Is.EqualTo(shard));
    }

    [Test]
    public void Every_file_belongs_to_exactly_one_of_the_shards()
    {
        string[] paths = [.. Enumerable.Range(0, 1000).Select(i => $"folder{i % 7}/IMG_{i:0000}.jpg")];
        var shards = Enumerable.Range(0, 5).Select(k => new Shard(k, 5)).ToArray();

        foreach (string path in paths)
        {
            Assert.That(shards.Count(shard => shard.Contains(path)), Is.EqualTo(1), path);
        }

        Assert.That(shards.Select(shard => paths.Count(shard.Contains)), Has.All.InRange(150, 250), "near equal sizes");
    }

    [TestCase("0/1", 0, 1)]
    [TestCase("3/4", 3, 4)]
    [TestCase("999999/1000000", 999_999, 1_000_000)]
    public void K_of_n_is_read(string text, int index, int count) => Assert.That(Shard.Parse(text), Is.EqualTo(new Shard(index, count)));

    [TestCase("4/4")]
    [TestCase("1/0")]
    [TestCase("-1/4")]
    [TestCase("1/4/2")]
    [TestCase("a/b")]
    [TestCase("1")]
    [TestCase(" 1/4")]
    [TestCase("0/1000001")]
    public void Anything_but_k_below_n_is_not_a_shard(string text) => Assert.That(Shard.Parse(text), Is.Null);
}
