using System.Diagnostics;
using System.Runtime.InteropServices;
using BlazeFace.Models.Tflite;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Damages the shipped short-range model in targeted and random ways: every failure must be an
/// <see cref="InvalidDataException"/> with a message that points at the damage.
/// </summary>
public class ShortRangeModelCorruptionTests
{
    private byte[] _file = null!;

    [OneTimeSetUp]
    public void LoadFile() => _file = File.ReadAllBytes(RepositoryPaths.Asset("models/face_detection_front.tflite"));

    private byte[] Copy() => (byte[])_file.Clone();

    [Test]
    public void Every_truncation_within_the_first_4_KB_is_rejected()
    {
        var accepted = new List<int>();
        for (int length = 0; length <= 4096; length++)
        {
            if (!IsRejected(_file.AsMemory(0, length)))
            {
                accepted.Add(length);
            }
        }

        Assert.That(accepted, Is.Empty);
    }

    [Test]
    public void Truncations_sampled_across_the_rest_of_the_file_are_rejected()
    {
        IEnumerable<int> lengths = Enumerable.Range(0, (_file.Length - 4096) / 997)
            .Select(i => 4097 + (i * 997))
            .Concat(Enumerable.Range(_file.Length - 8, 8));
        Assert.That(lengths.Where(length => !IsRejected(_file.AsMemory(0, length))), Is.Empty);
    }

    [Test]
    public void Truncation_names_the_file_length_in_its_message()
    {
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(_file.AsMemory(0, 100_000)))!;
        Assert.That(exception.Message, Does.Contain("runs past the end of the 100000-byte file").Or.Contain("outside the 100000-byte file"));
    }

    [Test]
    public void Root_offset_past_the_end_is_rejected()
    {
        byte[] file = Copy();
        TfliteFileLayout.WriteInt32(file, 0, file.Length + 16);
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(file))!;
        Assert.That(exception.Message, Does.Contain("root table offset"));
    }

    [Test]
    public void Tensor_list_claiming_0x7FFFFFFF_entries_is_rejected_before_allocating()
    {
        byte[] file = Copy();
        int tensors = TfliteFileLayout.Vector(file, TfliteFileLayout.Subgraph(file), 0);
        TfliteFileLayout.WriteInt32(file, tensors, 0x7FFFFFFF);
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(file))!;
        Assert.That(exception.Message, Does.Contain($"vector at offset 0x{tensors:X} of 2147483647 elements runs past the end of the 229032-byte file"));
    }

    [Test]
    public void Vtable_pointing_outside_the_file_is_rejected()
    {
        byte[] file = Copy();
        int root = TfliteFileLayout.RootTable(file);
        TfliteFileLayout.WriteInt32(file, root, -0x100000);
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(file))!;
        Assert.That(exception.Message, Does.Contain("has its vtable at 0x100018, outside the 229032-byte file"));
    }

    [Test]
    public void Buffer_index_out_of_range_names_the_tensor()
    {
        byte[] file = Copy();
        TfliteFileLayout.WriteInt32(file, TfliteFileLayout.Field(file, TfliteFileLayout.Tensor(file, 1), 2), 99);
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(file))!;
        Assert.That(exception.Message, Is.EqualTo("Tensor 1 'conv2d/Kernel': buffer index 99 out of range (model has 88 buffers)"));
    }

    [Test]
    public void Operator_input_index_out_of_range_names_the_operator()
    {
        byte[] file = Copy();
        int inputs = TfliteFileLayout.Vector(file, TfliteFileLayout.Operator(file, 2), 1);
        TfliteFileLayout.WriteInt32(file, inputs + 8, 9999);
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(file))!;
        Assert.That(exception.Message, Is.EqualTo("Operator 2 (Conv2D): input 1 refers to tensor 9999, but the model has 250 tensors"));
    }

    [Test]
    public void Options_of_the_wrong_kind_name_the_operator()
    {
        byte[] file = Copy();
        file[TfliteFileLayout.Field(file, TfliteFileLayout.Operator(file, 2), 3)] = (byte)BuiltinOptionsType.Pool2DOptions;
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(file))!;
        Assert.That(exception.Message, Does.StartWith("Operator 2 (Conv2D): builtin options type 5 (Pool2DOptions)"));
    }

    [Test]
    public void Zero_stride_names_the_operator_and_the_field()
    {
        byte[] file = Copy();
        int options = TfliteFileLayout.Follow(file, TfliteFileLayout.Field(file, TfliteFileLayout.Operator(file, 2), 4));
        TfliteFileLayout.WriteInt32(file, TfliteFileLayout.Field(file, options, 1), 0);
        var exception = Assert.Throws<InvalidDataException>(() => TfliteModel.Parse(file))!;
        Assert.That(exception.Message, Is.EqualTo("Operator 2 (Conv2D): stride_w is 0, must be at least 1"));
    }

    [Test]
    public void Random_bit_flips_and_byte_overwrites_end_in_success_or_invalid_data_only()
    {
        var random = new Random(20240611);
        bool[] isWeightByte = WeightBytes();
        byte[] file = Copy();
        var failures = new List<string>();
        long slowest = 0;
        int rejected = 0;

        for (int variant = 0; variant < 2000; variant++)
        {
            var changes = new List<(int Position, byte Original)>();
            int count = random.Next(1, 5);
            for (int i = 0; i < count; i++)
            {
                int position = PickPosition(random, isWeightByte);
                changes.Add((position, file[position]));
                file[position] = random.Next(2) == 0
                    ? (byte)(file[position] ^ (1 << random.Next(8)))
                    : (byte)random.Next(256);
            }

            var stopwatch = Stopwatch.StartNew();
            try
            {
                ParseAndReadEverything(file);
            }
            catch (InvalidDataException)
            {
                rejected++;
            }
            catch (Exception exception)
            {
                failures.Add($"variant {variant} ({string.Join(", ", changes.Select(c => $"0x{c.Position:X}"))}): {exception.GetType().Name}: {exception.Message}");
            }

            slowest = Math.Max(slowest, stopwatch.ElapsedMilliseconds);
            for (int i = changes.Count - 1; i >= 0; i--)
            {
                file[changes[i].Position] = changes[i].Original;
            }
        }

        Assert.That(failures, Is.Empty);
        Assert.That(slowest, Is.LessThan(1000));
        Assert.That(rejected, Is.GreaterThan(200), "most damage to the graph structure should be caught");
    }

    private static bool IsRejected(ReadOnlyMemory<byte> data)
    {
        try
        {
            TfliteModel.Parse(data);
            return false;
        }
        catch (InvalidDataException)
        {
            return true;
        }
    }

    private static void ParseAndReadEverything(byte[] file)
    {
        TfliteModel model = TfliteModel.Parse(file);
        foreach (TfliteTensor tensor in model.Tensors.Where(t => t.HasData))
        {
            _ = tensor.Type == TensorType.Int32 ? model.ReadInt32(tensor).Length : model.ReadFloat32(tensor).Length;
        }
    }

    /// <summary>Marks the bytes that hold tensor data, so most damage can be aimed at the graph structure instead.</summary>
    private bool[] WeightBytes()
    {
        var marks = new bool[_file.Length];
        TfliteModel model = TfliteModel.Parse(_file);
        foreach (TfliteTensor tensor in model.Tensors.Where(t => t.HasData))
        {
            Assert.That(MemoryMarshal.TryGetArray(tensor.Data, out ArraySegment<byte> segment), Is.True);
            Array.Fill(marks, true, segment.Offset, segment.Count);
        }

        return marks;
    }

    private static int PickPosition(Random random, bool[] isWeightByte)
    {
        // Nine in ten changes hit the ~25 KB of graph structure; the rest land anywhere, weights included.
        while (true)
        {
            int position = random.Next(isWeightByte.Length);
            if (!isWeightByte[position] || random.Next(10) == 0)
            {
                return position;
            }
        }
    }
}
