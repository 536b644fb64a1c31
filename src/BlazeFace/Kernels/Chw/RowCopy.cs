using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace BlazeFace.Kernels.Chw;

/// <summary>
/// Copies of the short rows the CHW kernels move by the thousand (6 to 96 floats): inline vector moves, the last one
/// overlapping the one before, where a call to <see cref="Span{T}.CopyTo(Span{T})"/> per row would cost more than the row.
/// </summary>
internal static class RowCopy
{
    /// <summary>Copies <paramref name="count"/> floats; the two rows must not overlap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(ref float source, ref float destination, int count)
    {
        if (Vector128.IsHardwareAccelerated && count >= Vector128<float>.Count)
        {
            for (int i = 0; i < count; i += Vector128<float>.Count)
            {
                int at = Math.Min(i, count - Vector128<float>.Count);
                Vector128.LoadUnsafe(ref Unsafe.Add(ref source, at)).StoreUnsafe(ref Unsafe.Add(ref destination, at));
            }

            return;
        }

        for (int i = 0; i < count; i++)
        {
            Unsafe.Add(ref destination, i) = Unsafe.Add(ref source, i);
        }
    }
}
