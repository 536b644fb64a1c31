namespace BlazeFace.Tests.Support;

/// <summary>
/// The one way every test measures managed memory: what a call allocates on the calling thread, and what stays alive
/// after a full collection. Linked into each test project that measures memory, so there is no copy per file.
/// </summary>
/// <remarks>
/// A single measured call can catch an allocation that is the runtime's, not the code's: tiered compilation,
/// type loading or a timer callback allocating on this thread (seen as 240 and 2,464 bytes in about two runs in
/// five on a loaded machine). The probe therefore takes the fewest bytes of several warm calls: an allocation the
/// code makes shows in every call, a stray one in one call at most.
/// </remarks>
internal static class AllocationProbe
{
    /// <summary>Warm-up calls before measuring: JIT compilation, pools and lazily built state pay here.</summary>
    public const int DefaultWarmUpCalls = 3;

    /// <summary>Measured calls; the fewest bytes among them is the call's own allocation.</summary>
    public const int DefaultMeasuredCalls = 5;

    /// <summary>
    /// The fewest bytes allocated on this thread by one call of <paramref name="call"/>, over
    /// <paramref name="measuredCalls"/> calls made after <paramref name="warmUpCalls"/> unmeasured ones.
    /// </summary>
    /// <param name="call">The code under test; called <paramref name="warmUpCalls"/> + <paramref name="measuredCalls"/> times.</param>
    /// <param name="warmUpCalls">Unmeasured calls first; 0 to measure from the first call (a constructor's cost).</param>
    /// <param name="measuredCalls">Measured calls, at least 1.</param>
    public static long FewestBytesPerCall(Action call, int warmUpCalls = DefaultWarmUpCalls, int measuredCalls = DefaultMeasuredCalls)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfNegative(warmUpCalls);
        ArgumentOutOfRangeException.ThrowIfLessThan(measuredCalls, 1);
        for (int i = 0; i < warmUpCalls; i++)
        {
            call();
        }

        long fewest = long.MaxValue;
        for (int i = 0; i < measuredCalls; i++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            call();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return fewest;
    }

    /// <summary>
    /// Managed heap bytes still alive after a full, compacting collection that also waits for finalizers: what the
    /// process keeps, as opposed to what it allocated and let go.
    /// </summary>
    public static long LiveBytesAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
