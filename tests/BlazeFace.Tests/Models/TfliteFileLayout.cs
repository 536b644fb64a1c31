using System.Buffers.Binary;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Finds byte positions inside a well-formed .tflite file so tests can damage one precise spot. Deliberately
/// separate from the reader under test (plain unchecked FlatBuffers arithmetic), and only used on intact files.
/// </summary>
internal static class TfliteFileLayout
{
    public static int RootTable(byte[] file) => ReadInt32(file, 0);

    /// <summary>Position of field <paramref name="field"/> of the table at <paramref name="table"/>.</summary>
    public static int Field(byte[] file, int table, int field)
    {
        int vtable = table - ReadInt32(file, table);
        int offset = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(vtable + 4 + (2 * field)));
        return offset == 0 ? throw new InvalidOperationException($"field {field} is absent") : table + offset;
    }

    /// <summary>Where the offset stored at <paramref name="position"/> points.</summary>
    public static int Follow(byte[] file, int position) => position + ReadInt32(file, position);

    /// <summary>Position of the vector (its length word) that field <paramref name="field"/> refers to.</summary>
    public static int Vector(byte[] file, int table, int field) => Follow(file, Field(file, table, field));

    /// <summary>The table that element <paramref name="index"/> of the table vector at <paramref name="vector"/> refers to.</summary>
    public static int VectorTable(byte[] file, int vector, int index) => Follow(file, vector + 4 + (4 * index));

    public static int Subgraph(byte[] file) => VectorTable(file, Vector(file, RootTable(file), 2), 0);

    public static int Tensor(byte[] file, int index) => VectorTable(file, Vector(file, Subgraph(file), 0), index);

    public static int Operator(byte[] file, int index) => VectorTable(file, Vector(file, Subgraph(file), 3), index);

    public static int ReadInt32(byte[] file, int position) => BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(position));

    public static void WriteInt32(byte[] file, int position, int value) =>
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(position), value);
}
