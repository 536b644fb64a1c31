using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace BlazeFace.Kernels.Simd;

/// <summary>
/// The size of the SIMD register file, which bounds how many accumulators a register-blocked kernel can keep: 32
/// registers with AVX-512 (at every vector width, through its VEX/EVEX encodings) and on Arm64, only 16 with SSE and
/// AVX2. A tile sized for 32 spills to the stack on every step with 16, so the GEMM picks its tiles by this.
/// </summary>
internal static class VectorRegisters
{
    /// <summary>Whether there are 32 vector registers rather than 16 (a constant once the JIT compiles a caller).</summary>
    public static bool Many => Avx512F.IsSupported || AdvSimd.Arm64.IsSupported;
}
