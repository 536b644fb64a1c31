using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace BlazeFace.Kernels.Simd;

/// <summary>Float arithmetic on <see cref="Vector128{T}"/>: 4 lanes.</summary>
internal readonly struct Vector128Arithmetic : IVectorArithmetic<Vector128<float>>
{
    public static int Count => Vector128<float>.Count;

    public static bool IsHardwareAccelerated => Vector128.IsHardwareAccelerated;

    public static Vector128<float> Zero => Vector128<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(ref float source) => Vector128.LoadUnsafe(ref source);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float destination) => value.StoreUnsafe(ref destination);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Broadcast(float value) => Vector128.Create(value);

    /// <remarks>
    /// <c>FusedMultiplyAdd</c> is exact by contract, so where the CPU (or the Native AOT target) has no FMA it becomes a
    /// software call per lane, about 150 times slower; the estimate fuses only where the hardware can.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> MultiplyAdd(Vector128<float> left, Vector128<float> right, Vector128<float> addend) =>
#if NET9_0_OR_GREATER
        Vector128.MultiplyAddEstimate(left, right, addend);
#else
        Fma.IsSupported ? Fma.MultiplyAdd(left, right, addend)
        : AdvSimd.IsSupported ? AdvSimd.FusedMultiplyAdd(addend, left, right)
        : (left * right) + addend;
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> left, Vector128<float> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Subtract(Vector128<float> left, Vector128<float> right) => left - right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Multiply(Vector128<float> left, Vector128<float> right) => left * right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Max(Vector128<float> left, Vector128<float> right) =>
#if NET9_0_OR_GREATER
        // Since .NET 9 Max follows IEEE maximum (NaN and signed-zero fix-ups); the native instruction is all a ReLU needs.
        Vector128.MaxNative(left, right);
#else
        Vector128.Max(left, right);
#endif

    /// <remarks>A select between x and x * slope is TFLite's definition itself, so no multiply-add (fused or not) enters the result.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> PRelu(Vector128<float> value, Vector128<float> slope) =>
        Vector128.ConditionalSelect(Vector128.LessThan(value, Vector128<float>.Zero), value * slope, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> BroadcastPair(ref float source) =>
        Vector128.Create(Unsafe.ReadUnaligned<double>(ref Unsafe.As<float, byte>(ref source))).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> AddAdjacentPairs(Vector128<float> value) =>
        Vector128.Shuffle(value, Vector128.Create(0, 2, 0, 2)) + Vector128.Shuffle(value, Vector128.Create(1, 3, 1, 3));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> KeepLanesBelow(Vector128<float> value, int count) =>
        value & Vector128.LessThan(Vector128.Create(0, 1, 2, 3), Vector128.Create(count)).AsSingle();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Deinterleave(Vector128<float> first, Vector128<float> second, out Vector128<float> evens, out Vector128<float> odds)
    {
        if (Sse.IsSupported)
        {
            evens = Sse.Shuffle(first, second, 0b10_00_10_00);
            odds = Sse.Shuffle(first, second, 0b11_01_11_01);
        }
        else if (AdvSimd.Arm64.IsSupported)
        {
            evens = AdvSimd.Arm64.UnzipEven(first, second);
            odds = AdvSimd.Arm64.UnzipOdd(first, second);
        }
        else
        {
            evens = Vector128.Create(first[0], first[2], second[0], second[2]);
            odds = Vector128.Create(first[1], first[3], second[1], second[3]);
        }
    }
}
