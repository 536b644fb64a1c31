using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BlazeFace.Cli.Batch;

/// <summary>
/// One part of a library split across runs or machines (<c>--shard K/N</c>): the files whose relative path hashes to
/// <see cref="Index"/> modulo <see cref="Count"/>. The N shards together hold every file exactly once, and which
/// shard holds a file depends on its path below the folder argument alone, not on the machine, the mount point, the
/// order of listing or the other files.
/// </summary>
/// <remarks>
/// The hash is the first 8 bytes of the SHA-256 of the relative path's UTF-8 bytes ('/' between folders), read as a
/// big-endian unsigned number; any language reproduces it (Python:
/// <c>int.from_bytes(hashlib.sha256(path.encode()).digest()[:8], "big") % n</c>). Shards come out within a few
/// percent of equal size for libraries of thousands of files.
/// </remarks>
/// <param name="Index">Which shard, from 0.</param>
/// <param name="Count">How many shards, at least 1.</param>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>The largest shard count accepted.</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>Whether the file at <paramref name="relativePath"/> belongs to this shard.</summary>
    public bool Contains(string relativePath) => Of(relativePath, Count) == Index;

    /// <summary>The shard, from 0, that a file at <paramref name="relativePath"/> belongs to among <paramref name="count"/>.</summary>
    public static int Of(string relativePath, int count)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(relativePath), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    /// <summary>Reads "K/N" with 0 ≤ K &lt; N ≤ <see cref="MaxCount"/>; null when the text is not one.</summary>
    public static Shard? Parse(string text)
    {
        string[] parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count is >= 1 and <= MaxCount && index < count
            ? new Shard(index, count)
            : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
