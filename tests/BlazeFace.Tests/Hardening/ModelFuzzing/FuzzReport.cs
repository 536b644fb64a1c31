using System.Globalization;
using System.Text;

namespace BlazeFace.Tests.Hardening.ModelFuzzing;

/// <summary>What happened to each variant of a fuzz run, gathered from all threads.</summary>
internal sealed class FuzzReport(int planned)
{
    /// <summary>How many failures keep their full description; the rest are only counted.</summary>
    private const int FailuresKept = 5;

    private readonly object _gate = new();
    private readonly Dictionary<MutationKind, int[]> _byKind = Enum.GetValues<MutationKind>().ToDictionary(kind => kind, _ => new int[3]);
    private readonly TimeSpan[] _timeByOutcome = new TimeSpan[3];
    private readonly SortedDictionary<string, int> _rejectedByStage = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];
    private volatile string? _hang;

    public int Planned { get; } = planned;

    public int Tried { get; private set; }

    public int Rejected { get; private set; }

    public int LoadedAndRan { get; private set; }

    public int FailureCount { get; private set; }

    /// <summary>The first few failures, each with its variant's edits so it can be rebuilt.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_gate)
            {
                return [.. _failures];
            }
        }
    }

    public TimeSpan Slowest { get; private set; }

    public string SlowestVariant { get; private set; } = "none";

    public TimeSpan Elapsed { get; set; }

    public bool HangDetected => _hang is not null;

    public string? Hang => _hang;

    /// <param name="variant">The variant.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="elapsed">How long loading (and running) it took.</param>
    /// <param name="failure">What went wrong, for a failed variant.</param>
    /// <param name="stage">Which check refused it, for a rejected variant.</param>
    public void Record(ModelVariant variant, Outcome outcome, TimeSpan elapsed, string? failure, string? stage)
    {
        lock (_gate)
        {
            Tried++;
            _byKind[variant.Kind][(int)outcome]++;
            _timeByOutcome[(int)outcome] += elapsed;
            switch (outcome)
            {
                case Outcome.Rejected:
                    Rejected++;
                    _rejectedByStage[stage ?? "?"] = _rejectedByStage.GetValueOrDefault(stage ?? "?") + 1;
                    break;
                case Outcome.LoadedAndRan:
                    LoadedAndRan++;
                    break;
                default:
                    FailureCount++;
                    if (_failures.Count < FailuresKept)
                    {
                        _failures.Add($"{variant}: {failure}");
                    }

                    break;
            }

            if (elapsed > Slowest)
            {
                Slowest = elapsed;
                SlowestVariant = $"{variant}, {outcome}";
            }
        }
    }

    private double Mean(Outcome outcome, int count) => count == 0 ? 0 : _timeByOutcome[(int)outcome].TotalMilliseconds / count;

    public void RecordHang(string description) => _hang = description;

    public string Summary(string model)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{model}: {Tried} of {Planned} variants tried in {Elapsed.TotalSeconds:F1} s: {Rejected} rejected with InvalidDataException, {LoadedAndRan} loaded and ran to finite outputs, {FailureCount} failed.");
        foreach ((MutationKind kind, int[] counts) in _byKind)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-16} rejected {counts[(int)Outcome.Rejected],6}  loaded and ran {counts[(int)Outcome.LoadedAndRan],6}  failed {counts[(int)Outcome.Failed],4}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  rejected by: {string.Join(", ", _rejectedByStage.Select(stage => $"{stage.Key} {stage.Value}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  mean time: {Mean(Outcome.Rejected, Rejected):F2} ms per rejected variant, {Mean(Outcome.LoadedAndRan, LoadedAndRan):F2} ms per variant loaded and run");
        text.AppendLine(CultureInfo.InvariantCulture, $"  slowest: {Slowest.TotalMilliseconds:F0} ms, {SlowestVariant}");
        if (_hang is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  HANG: {_hang}");
        }

        return text.ToString();
    }
}

/// <summary>How one variant ended.</summary>
internal enum Outcome
{
    Rejected = 0,
    LoadedAndRan = 1,
    Failed = 2,
}
