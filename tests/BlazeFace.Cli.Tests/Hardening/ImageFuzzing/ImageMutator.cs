using System.Buffers.Binary;
using BlazeFace.Tests.ImageFixtures;

namespace BlazeFace.Cli.Tests.Hardening.ImageFuzzing;

/// <summary>
/// Seeded damage to an encoded image: bit flips, byte overwrites, truncations, header rewrites of the announced size
/// (huge, zero, odd), rewritten chunk and segment lengths, cut or repeated ranges. Each variant gets one to three of
/// them; half the PNG variants then get valid CRCs again so the damage reaches the decoder, not just the CRC check.
/// </summary>
internal sealed class ImageMutator(byte[] original, Random random)
{
    private static readonly uint[] Sizes =
    [
        0, 1, 2, 3, 7, 64, 255, 256, 1000, 4095, 16383, 16384, 65500, 65535, 65536, 100_000, 1 << 20, 1 << 24, int.MaxValue, uint.MaxValue,
    ];

    private readonly string _format = ImageHeaders.FormatOf(original);

    /// <summary>One damaged copy, and a short description of what was done to it (for failure messages).</summary>
    public byte[] Next(out string description)
    {
        byte[] file = (byte[])original.Clone();
        var edits = new List<string>();
        for (int count = random.Next(1, 4); count > 0; count--)
        {
            file = random.Next(7) switch
            {
                0 or 1 => FlipBits(file, edits),
                2 => Overwrite(file, edits),
                3 => Truncate(file, edits),
                4 => RewriteSize(file, edits),
                5 => RewriteLength(file, edits),
                _ => Splice(file, edits),
            };
        }

        if (_format == "png" && random.Next(2) == 0)
        {
            ImageHeaders.RepairPngCrcs(file);
            edits.Add("CRCs repaired");
        }

        description = string.Join("; ", edits);
        return file;
    }

    private int Position(byte[] file) => random.Next(2) == 0 ? random.Next(Math.Min(64, file.Length)) : random.Next(file.Length);

    private byte[] FlipBits(byte[] file, List<string> edits)
    {
        if (file.Length == 0)
        {
            return file;
        }

        int flips = random.Next(1, 9);
        for (int i = 0; i < flips; i++)
        {
            int at = Position(file);
            int bit = random.Next(8);
            file[at] ^= (byte)(1 << bit);
            edits.Add($"flip 0x{at:X} bit {bit}");
        }

        return file;
    }

    private byte[] Overwrite(byte[] file, List<string> edits)
    {
        if (file.Length == 0)
        {
            return file;
        }

        int at = Position(file);
        int length = Math.Min(random.Next(1, 5), file.Length - at);
        random.NextBytes(file.AsSpan(at, length));
        edits.Add($"overwrite {length} at 0x{at:X}");
        return file;
    }

    private byte[] Truncate(byte[] file, List<string> edits)
    {
        int length = random.Next(file.Length);
        edits.Add($"cut to {length} of {file.Length}");
        return file[..length];
    }

    private byte[] RewriteSize(byte[] file, List<string> edits)
    {
        uint width = RandomSize();
        uint height = RandomSize();
        byte[]? rewritten = ImageHeaders.WithSize(file, width, height);
        if (rewritten is null)
        {
            return file;
        }

        edits.Add($"size {width}x{height}");
        return rewritten;
    }

    /// <summary>Mostly sizes from the list (zero, edges, huge), sometimes any size up to 4096 per side.</summary>
    private uint RandomSize() => random.Next(4) == 0 ? (uint)random.Next(4097) : Sizes[random.Next(Sizes.Length)];

    private byte[] RewriteLength(byte[] file, List<string> edits)
    {
        List<int> fields = LengthFields(file);
        if (fields.Count == 0)
        {
            return file;
        }

        int at = fields[random.Next(fields.Count)];
        uint value = random.Next(3) switch
        {
            0 => 0,
            1 => uint.MaxValue,
            _ => (uint)random.Next(1 << 16),
        };
        if (_format == "jpeg")
        {
            BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(at), (ushort)value);
        }
        else if (_format == "webp")
        {
            BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(at), value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at), value);
        }

        edits.Add($"length at 0x{at:X} = {value}");
        return file;
    }

    /// <summary>Offsets of the length fields of PNG chunks, JPEG segments before the scan, or the RIFF and WebP chunks.</summary>
    private List<int> LengthFields(byte[] file)
    {
        var fields = new List<int>();
        if (_format == "png")
        {
            for (int at = 8; at + 12 <= file.Length;)
            {
                fields.Add(at);
                long next = at + 12L + BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
                if (next > file.Length)
                {
                    break;
                }

                at = (int)next;
            }
        }
        else if (_format == "jpeg")
        {
            for (int at = 2; at + 4 <= file.Length && file[at] == 0xFF && file[at + 1] != 0xDA;)
            {
                fields.Add(at + 2);
                at += 2 + BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(at + 2));
            }
        }
        else if (_format == "webp")
        {
            if (file.Length >= 8)
            {
                fields.Add(4);
            }

            for (int at = 12; at + 8 <= file.Length;)
            {
                fields.Add(at + 4);
                long size = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(at + 4));
                long next = at + 8 + size + (size & 1);
                if (next > file.Length)
                {
                    break;
                }

                at = (int)next;
            }
        }

        return fields;
    }

    private byte[] Splice(byte[] file, List<string> edits)
    {
        if (file.Length < 2)
        {
            return file;
        }

        int start = random.Next(file.Length);
        int length = random.Next(1, Math.Min(256, file.Length - start) + 1);
        if (random.Next(2) == 0)
        {
            edits.Add($"remove {length} at 0x{start:X}");
            return [.. file[..start], .. file[(start + length)..]];
        }

        edits.Add($"repeat {length} at 0x{start:X}");
        return [.. file[..(start + length)], .. file[start..]];
    }
}
