using System.Buffers.Binary;
using BlazeFace.Models.Tflite;

namespace BlazeFace.Tests.Models;

/// <summary>The FlatBuffers layer on its own, with buffers laid out byte by byte.</summary>
public class FlatBufferReaderTests
{
    // Root offset 12 -> table at 12, whose vtable sits at 4: size 8, inline size 12, field 0 at +4, field 1 at +8.
    private static byte[] OneTable() =>
    [
        12, 0, 0, 0,
        8, 0, 12, 0, 4, 0, 8, 0,
        8, 0, 0, 0,
        42, 0, 0, 0,
        4, 0, 0, 0,
        3, 0, 0, 0, 7, 0, 0, 0, 8, 0, 0, 0, 9, 0, 0, 0,
    ];

    [Test]
    public void Reads_scalars_and_defaults_through_the_vtable()
    {
        FlatBufferTable table = new FlatBufferReader(OneTable()).ReadRootTable();
        Assert.That(table.GetInt32(0), Is.EqualTo(42));
        Assert.That(table.GetInt32(5, defaultValue: 17), Is.EqualTo(17), "fields past the vtable take their default");
        Assert.That(table.Has(1), Is.True);
        Assert.That(table.GetVector(1, 4)!.Value.ToInt32Array(), Is.EqualTo(new[] { 7, 8, 9 }));
    }

    [Test]
    public void Reads_a_table_at_an_unaligned_position()
    {
        byte[] shifted = [.. OneTable().Take(4), 0, .. OneTable().Skip(4)];
        shifted[0] = 13;
        FlatBufferTable table = new FlatBufferReader(shifted).ReadRootTable();
        Assert.That(table.GetInt32(0), Is.EqualTo(42));
    }

    [Test]
    public void Root_offset_past_the_end_is_rejected()
    {
        byte[] file = OneTable();
        file[0] = 200;
        var exception = Assert.Throws<InvalidDataException>(() => new FlatBufferReader(file).ReadRootTable())!;
        Assert.That(exception.Message, Is.EqualTo("root table offset 0xC8 points outside the 40-byte file"));
    }

    [TestCase(-100, "has its vtable at 0x70, outside the 40-byte file")]
    [TestCase(100, "has its vtable at -0x58, outside the 40-byte file")]
    public void Vtable_outside_the_file_is_rejected(int distance, string phrase)
    {
        byte[] file = OneTable();
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(12), distance);
        var exception = Assert.Throws<InvalidDataException>(() => new FlatBufferReader(file).ReadRootTable())!;
        Assert.That(exception.Message, Does.Contain(phrase));
    }

    [TestCase(3)]
    [TestCase(7)]
    public void Vtable_with_an_impossible_size_is_rejected(byte size)
    {
        byte[] file = OneTable();
        file[4] = size;
        var exception = Assert.Throws<InvalidDataException>(() => new FlatBufferReader(file).ReadRootTable())!;
        Assert.That(exception.Message, Does.Contain($"invalid size of {size} bytes"));
    }

    [Test]
    public void Vtable_running_past_the_end_is_rejected()
    {
        byte[] file = OneTable();
        file[4] = 250;
        var exception = Assert.Throws<InvalidDataException>(() => new FlatBufferReader(file).ReadRootTable())!;
        Assert.That(exception.Message, Does.Contain("vtable at offset 0x4 of 250 bytes runs past the end"));
    }

    [Test]
    public void Field_outside_the_table_inline_size_is_rejected()
    {
        byte[] file = OneTable();
        file[8] = 10;
        FlatBufferTable table = new FlatBufferReader(file).ReadRootTable();
        var exception = Assert.Throws<InvalidDataException>(() => table.GetInt32(0))!;
        Assert.That(exception.Message, Does.Contain("field 0 of the table at 0xC is stored at +10 (4 bytes), outside the table's 12 inline bytes"));
    }

    [Test]
    public void Vector_claiming_0x7FFFFFFF_elements_is_rejected_before_allocating()
    {
        byte[] file = OneTable();
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(24), 0x7FFFFFFF);
        FlatBufferTable table = new FlatBufferReader(file).ReadRootTable();
        var exception = Assert.Throws<InvalidDataException>(() => table.GetVector(1, 4))!;
        Assert.That(exception.Message, Is.EqualTo("vector at offset 0x18 of 2147483647 elements runs past the end of the 40-byte file"));
    }

    [Test]
    public void Vector_claiming_0xFFFFFFFF_elements_is_rejected()
    {
        byte[] file = OneTable();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(24), uint.MaxValue);
        FlatBufferTable table = new FlatBufferReader(file).ReadRootTable();
        Assert.Throws<InvalidDataException>(() => table.GetVector(1, 8));
    }

    [TestCase(0u)]
    [TestCase(0xFFFFFFF0u)]
    public void Offset_of_zero_or_past_the_end_is_rejected(uint offset)
    {
        byte[] file = OneTable();
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(20), offset);
        FlatBufferTable table = new FlatBufferReader(file).ReadRootTable();
        var exception = Assert.Throws<InvalidDataException>(() => table.GetVector(1, 4))!;
        Assert.That(exception.Message, Does.Contain("points outside the 40-byte file"));
    }

    [Test]
    public void Offset_to_a_table_whose_vtable_reference_is_cut_off_is_rejected()
    {
        byte[] file = OneTable()[..14];
        Assert.Throws<InvalidDataException>(() => new FlatBufferReader(file).ReadRootTable());
    }
}
