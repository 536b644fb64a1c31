namespace BlazeFace.Tests.Support;

/// <summary>
/// The shared allocation probe counts what code allocates on every call and not what the runtime allocates on the
/// same thread now and then; and it is the only place tests read the allocation counters.
/// </summary>
public class AllocationProbeTests
{
    [Test]
    public void An_allocation_made_on_every_call_is_counted()
    {
        long bytes = AllocationProbe.FewestBytesPerCall(() => GC.KeepAlive(new byte[1000]));

        Assert.That(bytes, Is.GreaterThanOrEqualTo(1000));
    }

    [Test]
    public void An_allocation_made_in_one_measured_call_only_is_not_counted()
    {
        // Stands for the runtime allocating on the test's thread during one call (tiering, type loading, timers).
        int calls = 0;
        long bytes = AllocationProbe.FewestBytesPerCall(() =>
        {
            if (++calls == AllocationProbe.DefaultWarmUpCalls + 1)
            {
                GC.KeepAlive(new byte[2464]);
            }
        });

        Assert.That(bytes, Is.Zero);
    }

    [Test]
    public void Warm_up_calls_are_not_measured()
    {
        int calls = 0;
        long bytes = AllocationProbe.FewestBytesPerCall(() =>
        {
            if (++calls == 1)
            {
                GC.KeepAlive(new byte[4096]);
            }
        }, warmUpCalls: 1, measuredCalls: 1);

        Assert.That(bytes, Is.Zero);
    }

    [Test]
    public void No_test_reads_the_allocation_counters_but_the_probe()
    {
        string probe = Path.Combine("tests", "BlazeFace.Tests", "Support", "AllocationProbe.cs");
        string[] counters = ["GC.GetAllocatedBytesForCurrentThread", "GC.GetTotalAllocatedBytes", "GC.GetTotalMemory"];
        string testsRoot = Path.Combine(RepositoryPaths.Root, "tests");
        var offenders = Directory.EnumerateFiles(testsRoot, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path))
            .Where(path => path != probe && path != Path.Combine("tests", "BlazeFace.Tests", "Support", "AllocationProbeTests.cs"))
            .Where(path => counters.Any(File.ReadAllText(Path.Combine(RepositoryPaths.Root, path)).Contains))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.That(offenders, Is.Empty, "measure allocations with AllocationProbe, so every test filters the runtime's stray allocations the same way");
    }

    private static bool IsBuildOutput(string path)
    {
        string separator = Path.DirectorySeparatorChar.ToString();
        return path.Contains(separator + "bin" + separator, StringComparison.Ordinal) || path.Contains(separator + "obj" + separator, StringComparison.Ordinal);
    }
}
