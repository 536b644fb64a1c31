using System.Buffers.Binary;
using System.Runtime.InteropServices;
using BlazeFace.Models.Tflite;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Hardening.ModelFuzzing;

/// <summary>
/// The fuzzer's map of the bundled files is right: its data ranges hold every tensor's data as the reader finds it,
/// and its offsets lead inside the file. A wrong map would quietly aim the damage at nothing in particular.
/// </summary>
public class TfliteStructureMapTests
{
    [TestCase("face_detection_front.tflite")]
    [TestCase("face_detection_full_range.tflite")]
    public void Every_tensor_data_the_reader_finds_is_a_mapped_buffer_range(string fileName)
    {
        byte[] file = File.ReadAllBytes(RepositoryPaths.Asset(Path.Combine("models", fileName)));
        TfliteModel model = TfliteModel.Parse(file);

        TfliteStructureMap map = TfliteStructureMap.Of(file);

        var expected = model.Tensors.Where(t => t.HasData).Select(t => (Start: Offset(t.Data), t.Data.Length, t.Type == TensorType.Float16)).Distinct();
        // The map also holds the few metadata buffers no tensor refers to; damaging those is allowed to load.
        Assert.That(map.BufferData, Is.SupersetOf(expected));
        Assert.That(map.BufferData, Has.Count.LessThanOrEqualTo(expected.Count() + 2));
    }

    [TestCase("face_detection_front.tflite")]
    [TestCase("face_detection_full_range.tflite")]
    public void Every_mapped_offset_of_the_intact_file_points_inside_it(string fileName)
    {
        byte[] file = File.ReadAllBytes(RepositoryPaths.Asset(Path.Combine("models", fileName)));

        TfliteStructureMap map = TfliteStructureMap.Of(file);

        Assert.That(map.UOffsets, Has.Count.GreaterThan(1000));
        Assert.That(map.UOffsets, Has.All.Matches<int>(position => IsInside(file, position + (long)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position)))));
        Assert.That(map.SOffsets, Has.All.Matches<int>(table => IsInside(file, table - (long)BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(table)))));
    }

    private static bool IsInside(byte[] file, long position) => position >= 0 && position < file.Length;

    private static int Offset(ReadOnlyMemory<byte> data) =>
        MemoryMarshal.TryGetArray(data, out ArraySegment<byte> segment) ? segment.Offset : throw new InvalidOperationException("tensor data is not an array slice");
}
