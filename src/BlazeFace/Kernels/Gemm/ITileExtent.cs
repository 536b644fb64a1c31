namespace BlazeFace.Kernels.Gemm;

/// <summary>
/// A tile dimension known when the JIT compiles a micro-kernel: passing it as a struct type argument makes every
/// <c>if (TRows.Value &gt; n)</c> a constant, so each (rows, columns) instantiation keeps only the accumulators it uses,
/// all in registers.
/// </summary>
internal interface ITileExtent
{
    static abstract int Value { get; }
}

/// <summary>Tile extent 1.</summary>
internal readonly struct TileExtent1 : ITileExtent
{
    public static int Value => 1;
}

/// <summary>Tile extent 2.</summary>
internal readonly struct TileExtent2 : ITileExtent
{
    public static int Value => 2;
}

/// <summary>Tile extent 3.</summary>
internal readonly struct TileExtent3 : ITileExtent
{
    public static int Value => 3;
}

/// <summary>Tile extent 4.</summary>
internal readonly struct TileExtent4 : ITileExtent
{
    public static int Value => 4;
}

/// <summary>Tile extent 6.</summary>
internal readonly struct TileExtent6 : ITileExtent
{
    public static int Value => 6;
}

/// <summary>Tile extent 8.</summary>
internal readonly struct TileExtent8 : ITileExtent
{
    public static int Value => 8;
}
