namespace BlazeFace.Kernels.Simd;

/// <summary>
/// The float arithmetic of one SIMD width. Kernels are written once, generic over a struct implementing this, and the
/// JIT compiles a separate, fully inlined copy per width, so a kernel's width is a type argument rather than a branch.
/// </summary>
/// <remarks>
/// Loads and stores take a <c>ref float</c> rather than a span: the kernels check their spans' lengths once on entry,
/// then walk them without per-access bounds checks.
/// </remarks>
internal interface IVectorArithmetic<TVector>
    where TVector : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Count { get; }

    static abstract bool IsHardwareAccelerated { get; }

    static abstract TVector Zero { get; }

    static abstract TVector Load(ref float source);

    static abstract void Store(TVector value, ref float destination);

    static abstract TVector Broadcast(float value);

    /// <summary><paramref name="left"/> * <paramref name="right"/> + <paramref name="addend"/>, fused where the hardware can.</summary>
    static abstract TVector MultiplyAdd(TVector left, TVector right, TVector addend);

    static abstract TVector Add(TVector left, TVector right);

    static abstract TVector Subtract(TVector left, TVector right);

    static abstract TVector Multiply(TVector left, TVector right);

    /// <summary>Lane-wise maximum with the instruction's own NaN rule (x86 returns the second operand).</summary>
    static abstract TVector Max(TVector left, TVector right);

    /// <summary>
    /// PReLU lane by lane: <paramref name="value"/> where it is not negative, <paramref name="value"/> x
    /// <paramref name="slope"/> where it is; the scalar twin is <c>x &lt; 0 ? x * slope : x</c>, bit for bit.
    /// </summary>
    static abstract TVector PRelu(TVector value, TVector slope);

    /// <summary>The two floats at <paramref name="source"/> repeated across the vector: lanes 2j and 2j + 1 hold source[0] and source[1].</summary>
    static abstract TVector BroadcastPair(ref float source);

    /// <summary>Lane j of the result (j below half the lanes) is lane 2j + lane 2j + 1 of <paramref name="value"/>; the upper half is unspecified.</summary>
    static abstract TVector AddAdjacentPairs(TVector value);

    /// <summary>Zeroes every lane from <paramref name="count"/> on.</summary>
    static abstract TVector KeepLanesBelow(TVector value, int count);

    /// <summary>
    /// The lanes of <paramref name="first"/> then <paramref name="second"/> (2 x Count floats in a row) split by parity:
    /// <paramref name="evens"/> holds elements 0, 2, 4…, <paramref name="odds"/> elements 1, 3, 5….
    /// </summary>
    static abstract void Deinterleave(TVector first, TVector second, out TVector evens, out TVector odds);
}
