namespace BlazeFace.Tests.PostProcessing;

/// <summary>Measures what a call allocates on the current thread.</summary>
internal static class AllocationMeter
{
    /// <summary>
    /// Bytes allocated on this thread by one call of <paramref name="action"/>, measured after a first call has
    /// paid for JIT compilation and any pool warm-up.
    /// </summary>
    public static long BytesOfWarmCall(Action action)
    {
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
