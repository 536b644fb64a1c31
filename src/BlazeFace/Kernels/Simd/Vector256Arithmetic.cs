using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BlazeFace.Kernels.Simd;

/// <summary>Float arithmetic on <see cref="Vector256{T}"/>: 8 lanes.</summary>
internal readonly struct Vector256Arithmetic : IVectorArithmetic<Vector256<float>>
{
    public static int Count => Vector256<float>.Count;

    public static bool IsHardwareAccelerated => Vector256.IsHardwareAccelerated;

    public static Vector256<float> Zero => Vector256<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source) => Vector256.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    /// <remarks>
    /// <c>FusedMultiplyAdd</c> is exact by contract, so where the CPU (or the Native AOT target) has no FMA it becomes a
    /// software call per lane, about 150 times slower; the estimate fuses only where the hardware can.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MultiplyAdd(Vector256<float> left, Vector256<float> right, Vector256<float> addend) =>
#if NET9_0_OR_GREATER
        Vector256.MultiplyAddEstimate(left, right, addend);
#else
        Fma.IsSupported ? Fma.MultiplyAdd(left, right, addend) : (left * right) + addend;
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> left, Vector256<float> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Subtract(Vector256<float> left, Vector256<float> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Multiply(Vector256<float> left, Vector256<float> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Max(Vector256<float> left, Vector256<float> right) =>
#if NET9_0_OR_GREATER
        // Since .NET 9 Max follows IEEE maximum (NaN and signed-zero fix-ups); the native instruction is all a ReLU needs.
        Vector256.MaxNative(left, right);
#else
        Vector256.Max(left, right);
#endif

    /// <remarks>A select between x and x * slope is TFLite's definition itself, so no multiply-add (fused or not) enters the result.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> PRelu(Vector256<float> value, Vector256<float> slope) =>
        Vector256.ConditionalSelect(Vector256.LessThan(value, Vector256<float>.Zero), value * slope, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> BroadcastPair(ref float source) =>
        Vector256.Create(Unsafe.ReadUnaligned<double>(ref Unsafe.As<float, byte>(ref source))).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> AddAdjacentPairs(Vector256<float> value) =>
        Vector256.Shuffle(value, Vector256.Create(0, 2, 4, 6, 0, 2, 4, 6)) + Vector256.Shuffle(value, Vector256.Create(1, 3, 5, 7, 1, 3, 5, 7));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> KeepLanesBelow(Vector256<float> value, int count) =>
        value & Vector256.LessThan(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(count)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Deinterleave(Vector256<float> first, Vector256<float> second, out Vector256<float> evens, out Vector256<float> odds)
    {
        if (Avx2.IsSupported)
        {
            // Within each 128-bit half, then the halves' 64-bit pairs put in order.
            evens = Avx2.Permute4x64(Avx.Shuffle(first, second, 0b10_00_10_00).AsDouble(), 0b11_01_10_00).AsSingle();
            odds = Avx2.Permute4x64(Avx.Shuffle(first, second, 0b11_01_11_01).AsDouble(), 0b11_01_10_00).AsSingle();
        }
        else
        {
            Vector256<int> order = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
            Vector256<float> a = Vector256.Shuffle(first, order), b = Vector256.Shuffle(second, order);
            evens = Vector256.Create(a.GetLower(), b.GetLower());
            odds = Vector256.Create(a.GetUpper(), b.GetUpper());
        }
    }
}
