using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BlazeFace.Kernels.Simd;

/// <summary>Float arithmetic on <see cref="Vector512{T}"/>: 16 lanes.</summary>
internal readonly struct Vector512Arithmetic : IVectorArithmetic<Vector512<float>>
{
    public static int Count => Vector512<float>.Count;

    public static bool IsHardwareAccelerated => Vector512.IsHardwareAccelerated;

    public static Vector512<float> Zero => Vector512<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source) => Vector512.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    /// <remarks>
    /// <c>FusedMultiplyAdd</c> is exact by contract, so where the CPU (or the Native AOT target) has no FMA it becomes a
    /// software call per lane, about 150 times slower; the estimate fuses only where the hardware can.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MultiplyAdd(Vector512<float> left, Vector512<float> right, Vector512<float> addend) =>
#if NET9_0_OR_GREATER
        Vector512.MultiplyAddEstimate(left, right, addend);
#else
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(left, right, addend) : (left * right) + addend;
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> left, Vector512<float> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Subtract(Vector512<float> left, Vector512<float> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Multiply(Vector512<float> left, Vector512<float> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Max(Vector512<float> left, Vector512<float> right) =>
#if NET9_0_OR_GREATER
        // Since .NET 9 Max follows IEEE maximum (NaN and signed-zero fix-ups); the native instruction is all a ReLU needs.
        Vector512.MaxNative(left, right);
#else
        Vector512.Max(left, right);
#endif

    /// <remarks>A select between x and x * slope is TFLite's definition itself, so no multiply-add (fused or not) enters the result.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> PRelu(Vector512<float> value, Vector512<float> slope) =>
        Vector512.ConditionalSelect(Vector512.LessThan(value, Vector512<float>.Zero), value * slope, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> BroadcastPair(ref float source) =>
        Vector512.Create(Unsafe.ReadUnaligned<double>(ref Unsafe.As<float, byte>(ref source))).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> AddAdjacentPairs(Vector512<float> value) =>
        Vector512.Shuffle(value, Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 0, 2, 4, 6, 8, 10, 12, 14)) + Vector512.Shuffle(value, Vector512.Create(1, 3, 5, 7, 9, 11, 13, 15, 1, 3, 5, 7, 9, 11, 13, 15));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> KeepLanesBelow(Vector512<float> value, int count) =>
        value & Vector512.LessThan(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create(count)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Deinterleave(Vector512<float> first, Vector512<float> second, out Vector512<float> evens, out Vector512<float> odds)
    {
        if (Avx512F.IsSupported)
        {
            // Indices 0-15 pick from the first vector, 16-31 from the second.
            evens = Avx512F.PermuteVar16x32x2(first, Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30), second);
            odds = Avx512F.PermuteVar16x32x2(first, Vector512.Create(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31), second);
        }
        else
        {
            Vector512<int> order = Vector512.Create(0, 2, 4, 6, 8, 10, 12, 14, 1, 3, 5, 7, 9, 11, 13, 15);
            Vector512<float> a = Vector512.Shuffle(first, order), b = Vector512.Shuffle(second, order);
            evens = Vector512.Create(a.GetLower(), b.GetLower());
            odds = Vector512.Create(a.GetUpper(), b.GetUpper());
        }
    }
}
