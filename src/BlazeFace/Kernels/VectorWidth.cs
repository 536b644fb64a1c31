namespace BlazeFace.Kernels;

/// <summary>The SIMD register width a <see cref="KernelSet"/> computes with.</summary>
internal enum VectorWidth
{
    /// <summary>No SIMD: the reference loops.</summary>
    Scalar,

    /// <summary>4 floats per vector (SSE, AdvSimd).</summary>
    V128,

    /// <summary>8 floats per vector (AVX2).</summary>
    V256,

    /// <summary>16 floats per vector (AVX-512).</summary>
    V512,
}

/// <summary>Sizes of a <see cref="VectorWidth"/>.</summary>
internal static class VectorWidthExtensions
{
    /// <summary>Bits per vector register: 0 for scalar code.</summary>
    public static int Bits(this VectorWidth width) => width switch
    {
        VectorWidth.V128 => 128,
        VectorWidth.V256 => 256,
        VectorWidth.V512 => 512,
        _ => 0,
    };
}
