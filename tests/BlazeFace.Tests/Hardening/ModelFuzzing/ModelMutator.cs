using System.Buffers.Binary;

namespace BlazeFace.Tests.Hardening.ModelFuzzing;

/// <summary>
/// Makes corrupted variants of one model file. Variant <c>n</c> depends only on the seed and <c>n</c>, so any variant
/// a run reports can be rebuilt on its own, whichever thread made it.
/// </summary>
internal sealed class ModelMutator
{
    private readonly byte[] _original;
    private readonly TfliteStructureMap _map;
    private readonly int _seed;

    public ModelMutator(byte[] original, int seed)
    {
        _original = original;
        _map = TfliteStructureMap.Of(original);
        _seed = seed;
    }

    /// <summary>Builds variant <paramref name="index"/> in <paramref name="scratch"/> (at least as long as the original).</summary>
    /// <returns>The variant's bytes (a prefix of <paramref name="scratch"/>), what was done, and which kind of damage it is.</returns>
    public ModelVariant Make(int index, byte[] scratch)
    {
        var random = new Random(unchecked((_seed * 1_000_003) + index));
        var edits = new List<string>();
        int roll = random.Next(100);

        // The mix keeps most variants on the structure: that is where the reader's checks are, and a variant the
        // reader refuses costs a tenth of a millisecond where one that loads costs two network builds and a run.
        MutationKind kind = roll switch
        {
            < 14 => MutationKind.BitFlips,
            < 26 => MutationKind.ByteOverwrites,
            < 40 => MutationKind.Truncation,
            < 84 => MutationKind.StructureWrites,
            < 90 => MutationKind.WeightDamage,
            _ => MutationKind.RandomBuffer,
        };

        if (kind == MutationKind.RandomBuffer)
        {
            return new ModelVariant(index, kind, RandomBuffer(random, scratch, edits), edits);
        }

        _original.CopyTo(scratch, 0);
        int length = _original.Length;
        switch (kind)
        {
            case MutationKind.BitFlips:
                for (int i = random.Next(1, 5); i > 0; i--)
                {
                    int position = PickPosition(random);
                    int bit = random.Next(8);
                    scratch[position] ^= (byte)(1 << bit);
                    edits.Add($"flip bit {bit} of 0x{position:X}");
                }

                break;
            case MutationKind.ByteOverwrites:
                for (int i = random.Next(1, 5); i > 0; i--)
                {
                    int position = PickPosition(random);
                    byte value = random.Next(4) == 0 ? (byte)(random.Next(2) * 0xFF) : (byte)random.Next(256);
                    edits.Add($"0x{position:X}: 0x{scratch[position]:X2} -> 0x{value:X2}");
                    scratch[position] = value;
                }

                break;
            case MutationKind.Truncation:
                length = random.Next(length);
                edits.Add($"truncate to {length} bytes");
                break;
            case MutationKind.StructureWrites:
                for (int i = random.Next(1, 4); i > 0; i--)
                {
                    WriteIntoStructure(random, scratch, edits);
                }

                break;
            default:
                for (int i = random.Next(1, 5); i > 0; i--)
                {
                    DamageWeight(random, scratch, edits);
                }

                break;
        }

        return new ModelVariant(index, kind, scratch.AsMemory(0, length), edits);
    }

    /// <summary>Three in four positions hit structure, the rest anywhere (and so mostly weights).</summary>
    private int PickPosition(Random random)
    {
        return random.Next(4) == 0 ? random.Next(_original.Length) : Pick(random, _map.StructureBytes);
    }

    private void WriteIntoStructure(Random random, byte[] file, List<string> edits)
    {
        switch (random.Next(6))
        {
            case 0:
                {
                    int position = Pick(random, _map.UOffsets);
                    int value = Changed(OffsetValue(random, position, ReadInt32(file, position)), ReadInt32(file, position));
                    edits.Add($"uoffset at 0x{position:X}: {ReadInt32(file, position)} -> {value}");
                    WriteInt32(file, position, value);
                    break;
                }

            case 1:
                {
                    // A table's vtable is at table - soffset; aim it at another vtable entry half the time.
                    int table = Pick(random, _map.SOffsets);
                    int value = Changed(
                        random.Next(2) == 0 ? table - Pick(random, _map.VTableEntries) : Special32(random, ReadInt32(file, table), file.Length),
                        ReadInt32(file, table));
                    edits.Add($"soffset of table 0x{table:X}: {ReadInt32(file, table)} -> {value}");
                    WriteInt32(file, table, value);
                    break;
                }

            case 2:
                {
                    int position = Pick(random, _map.VTableEntries);
                    ushort original = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(position));
                    ushort value = (ushort)Changed(
                        random.Next(5) switch
                        {
                            0 => random.Next(65536),
                            1 => (ushort)(original + random.Next(-8, 9)),
                            2 => random.Next(2) * 0xFFFF,
                            3 => 2 * random.Next(40),
                            _ => original ^ (1 << random.Next(16)),
                        },
                        original);
                    edits.Add($"vtable entry at 0x{position:X}: {original} -> {value}");
                    BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(position), value);
                    break;
                }

            case 3:
                {
                    int position = Pick(random, _map.VectorLengths);
                    int original = ReadInt32(file, position);
                    int value = Changed(random.Next(3) == 0 ? original + random.Next(-3, 4) : Special32(random, original, file.Length), original);
                    edits.Add($"vector length at 0x{position:X}: {original} -> {value}");
                    WriteInt32(file, position, value);
                    break;
                }

            case 4:
                {
                    int position = Pick(random, _map.Int32Values);
                    int original = ReadInt32(file, position);
                    int value = Changed(
                        random.Next(4) switch
                        {
                            0 => -1,
                            1 => original + random.Next(-2, 3),
                            2 => random.Next(1000),
                            _ => Special32(random, original, file.Length),
                        },
                        original);
                    edits.Add($"int32 at 0x{position:X}: {original} -> {value}");
                    WriteInt32(file, position, value);
                    break;
                }

            default:
                {
                    int position = Pick(random, _map.ByteValues);
                    byte value = (byte)Changed(random.Next(256), file[position]);
                    edits.Add($"byte field at 0x{position:X}: {file[position]} -> {value}");
                    file[position] = value;
                    break;
                }
        }
    }

    /// <summary>A write that leaves the value as it was tests nothing; flip its lowest bit instead.</summary>
    private static int Changed(int value, int original) => value == original ? original ^ 1 : value;

    /// <summary>An offset that points somewhere interesting: another object of the file, near the old target, or anywhere.</summary>
    private int OffsetValue(Random random, int position, int original) => random.Next(4) switch
    {
        0 => Pick(random, _map.ObjectStarts) - position,
        1 => original + (4 * random.Next(-4, 5)),
        2 => random.Next(_original.Length + 64) - position,
        _ => Special32(random, original, _original.Length),
    };

    /// <summary>The values that break length and offset arithmetic: zero, negative, the limits, the file size, bit flips.</summary>
    private static int Special32(Random random, int original, int fileLength) => random.Next(9) switch
    {
        0 => 0,
        1 => -1,
        2 => int.MaxValue,
        3 => int.MinValue,
        4 => fileLength,
        5 => fileLength + random.Next(-8, 9),
        6 => 0x40000000 + random.Next(4),
        7 => original ^ (1 << random.Next(32)),
        _ => random.Next(int.MinValue, int.MaxValue),
    };

    /// <summary>Damages stored weights; float16 exponent bits get most of it, since that is where finite values turn huge, Inf or NaN.</summary>
    private void DamageWeight(Random random, byte[] file, List<string> edits)
    {
        long target = random.NextInt64(_map.BufferDataBytes);
        foreach ((int start, int length, bool isFloat16) in _map.BufferData)
        {
            if (target >= length)
            {
                target -= length;
                continue;
            }

            int position = start + (int)target;
            byte before = file[position];
            if (isFloat16 && random.Next(2) == 0)
            {
                // The high byte of a little-endian half holds the sign and the top five bits are the exponent.
                int high = start + ((int)target & ~1) + 1;
                position = high;
                before = file[high];
                file[high] = random.Next(3) switch
                {
                    0 => (byte)(before | 0x7C), // exponent all ones: Inf or NaN
                    1 => (byte)(before ^ (1 << random.Next(2, 7))),
                    _ => (byte)(0x78 | (before & 0x80)), // exponent 30: the largest finite magnitudes
                };
            }
            else
            {
                file[position] ^= (byte)(1 << random.Next(8));
            }

            edits.Add($"weight byte 0x{position:X}: 0x{before:X2} -> 0x{file[position]:X2}");
            return;
        }
    }

    /// <summary>Random bytes; half of them start like a TFLite file so the reader gets past the header.</summary>
    private static ReadOnlyMemory<byte> RandomBuffer(Random random, byte[] scratch, List<string> edits)
    {
        int length = random.Next(Math.Min(4096, scratch.Length));
        Span<byte> bytes = scratch.AsSpan(0, length);
        random.NextBytes(bytes);
        bool plausible = length >= 8 && random.Next(2) == 0;
        if (plausible)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes, 8 + (4 * random.Next(Math.Max(1, (length - 8) / 4))));
            "TFL3"u8.CopyTo(bytes[4..]);
        }

        edits.Add($"{length} random bytes{(plausible ? " behind a TFL3 header" : "")}");
        return scratch.AsMemory(0, length);
    }

    private static int Pick(Random random, IReadOnlyList<int> positions) => positions[random.Next(positions.Count)];

    private static int ReadInt32(byte[] file, int position) => BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(position));

    private static void WriteInt32(byte[] file, int position, int value) => BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(position), value);
}

/// <summary>One corrupted file: its number, the kind of damage, its bytes and the edits that made it.</summary>
internal sealed record ModelVariant(int Index, MutationKind Kind, ReadOnlyMemory<byte> Data, IReadOnlyList<string> Edits)
{
    public override string ToString() => $"variant {Index} ({Kind}: {string.Join("; ", Edits)})";
}

/// <summary>The kinds of damage the fuzzer does.</summary>
internal enum MutationKind
{
    BitFlips,
    ByteOverwrites,
    Truncation,
    StructureWrites,
    WeightDamage,
    RandomBuffer,
}
