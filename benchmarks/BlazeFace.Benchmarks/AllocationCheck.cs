namespace BlazeFace.Benchmarks;

/// <summary>
/// Counts the bytes one call allocates on the calling thread, exactly, and prints it to the benchmark log.
/// </summary>
/// <remarks>
/// BenchmarkDotNet 0.14 does not know .NET 10 (its runtime moniker is "not recognised"), so its memory diagnoser
/// applies the old .NET Core 1.x rule of reporting 0 for a measurement smaller than one allocation quantum (which it
/// measures at start-up: on this machine somewhere between 13 and 25 KB), and it counts every thread's allocations
/// (about 700 B of its own per measurement). The millisecond-scale benchmarks run only tens to hundreds of operations
/// in that measurement, so their Allocated column can show "-" even for a call that returns a new array. The network
/// and Detect benchmarks therefore call this from a [GlobalCleanup], after all their iterations (so the code is at its
/// final tier), and the log line it prints is the number to trust.
/// </remarks>
internal static class AllocationCheck
{
    private const int Calls = 8;

    public static void Report(string benchmark, string parameters, Action call)
    {
        call();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            call();
        }

        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
        Console.WriteLine($"// Allocation check: {benchmark} [{parameters}] allocates {perCall} B per call (this thread, {Calls} calls after the workload)");
    }
}
