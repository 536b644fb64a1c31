namespace BlazeFace.Cli.Tests.Hardening.ImageFuzzing;

/// <summary>What the variants of one seed did: how many were refused or read, the slowest, and every broken contract.</summary>
internal sealed class FuzzReport(string seed)
{
    public string Seed { get; } = seed;

    public int Runs { get; private set; }

    public int Refused { get; private set; }

    public int Read { get; private set; }

    /// <summary>The most processor time one run took.</summary>
    public TimeSpan Slowest { get; private set; }

    public string SlowestVariant { get; private set; } = "";

    /// <summary>The longest wall-clock time one run took (stretched by whatever else the machine was running).</summary>
    public TimeSpan LongestWall { get; private set; }

    public List<string> Problems { get; } = [];

    public void Record(CliRun run, string variant)
    {
        Runs++;
        Refused += run.ExitCode == 2 ? 1 : 0;
        Read += run.ExitCode == 0 ? 1 : 0;
        if (run.ProcessorTime > Slowest)
        {
            Slowest = run.ProcessorTime;
            SlowestVariant = variant;
        }

        LongestWall = run.Duration > LongestWall ? run.Duration : LongestWall;
    }

    public override string ToString() =>
        $"{Seed}: {Runs} variants, {Refused} refused (exit 2), {Read} read (exit 0), slowest {Slowest.TotalMilliseconds:0} ms of processor time ({SlowestVariant}), longest wall time {LongestWall.TotalMilliseconds:0} ms, {Problems.Count} problems";
}
