using System.Collections.Concurrent;
using System.Diagnostics;
using BlazeFace;
using BlazeFace.Network;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Hardening.ModelFuzzing;

/// <summary>
/// Feeds corrupted variants of a model to <see cref="BlazeFaceModel.FromBytes"/> on every core. A variant passes when
/// it is refused with <see cref="InvalidDataException"/>, or when it loads and a session built from it runs the
/// fixed input to finite regressors and score logits. Anything else (another exception type, a non-finite output)
/// is a failure; a variant still running after <see cref="HangLimit"/> stops the run as a hang.
/// </summary>
internal sealed class ModelFuzzRunner
{
    /// <summary>Far beyond any variant (the slowest take tens of milliseconds), so only a real hang trips it.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    private readonly ModelMutator _mutator;
    private readonly int _fileLength;
    private readonly IReadOnlyDictionary<string, float[]> _inputs;

    /// <param name="original">The intact model file.</param>
    /// <param name="seed">Seed of the whole run; variant n is rebuilt from (seed, n).</param>
    /// <param name="inputs">The fixed input tensor for each model (by name) a variant may load as.</param>
    public ModelFuzzRunner(byte[] original, int seed, IReadOnlyDictionary<string, float[]> inputs)
    {
        _mutator = new ModelMutator(original, seed);
        _fileLength = original.Length;
        _inputs = inputs;
    }

    public FuzzReport Run(int variants)
    {
        var report = new FuzzReport(variants);
        var workers = new ConcurrentBag<Worker>();
        var total = Stopwatch.StartNew();
        Task loop = Task.Run(() => Parallel.For(
            0,
            variants,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () =>
            {
                var worker = new Worker(new byte[_fileLength]);
                workers.Add(worker);
                return worker;
            },
            (index, state, worker) =>
            {
                if (report.HangDetected)
                {
                    state.Stop();
                    return worker;
                }

                RunVariant(index, worker, report);
                return worker;
            },
            _ => { }));

        while (!loop.Wait(TimeSpan.FromMilliseconds(250)))
        {
            foreach (Worker worker in workers)
            {
                if (worker.RunningFor() is { } elapsed && elapsed > HangLimit)
                {
                    // The hung thread cannot be stopped; the report names its variant and the test fails on it.
                    report.RecordHang($"{worker.CurrentVariant} still running after {elapsed.TotalSeconds:F0} s");
                    report.Elapsed = total.Elapsed;
                    return report;
                }
            }
        }

        loop.GetAwaiter().GetResult();
        report.Elapsed = total.Elapsed;
        return report;
    }

    private void RunVariant(int index, Worker worker, FuzzReport report)
    {
        ModelVariant variant = _mutator.Make(index, worker.Scratch);
        worker.Start(variant);
        Outcome outcome = Outcome.Failed;
        string? failure = null;
        string? stage = null;
#pragma warning disable CA1031 // Any exception but a load's InvalidDataException is exactly what the fuzzer looks for.
        try
        {
            BlazeFaceModel model = BlazeFaceModel.FromBytes(variant.Data.Span);

            // Only the load may refuse the file: once a model has loaded, any exception from running it is a failure.
            try
            {
                failure = Run(model);
                outcome = failure is null ? Outcome.LoadedAndRan : Outcome.Failed;
            }
            catch (Exception exception)
            {
                failure = $"loaded, but running it threw {Describe(exception)}";
            }
        }
        catch (InvalidDataException exception)
        {
            outcome = Outcome.Rejected;
            stage = RejectionStage(exception.Message);
        }
        catch (Exception exception)
        {
            failure = $"loading threw {Describe(exception)}";
        }
#pragma warning restore CA1031

        TimeSpan elapsed = worker.Stop();
        report.Record(variant, outcome, elapsed, failure, stage);
    }

    /// <summary>Which check refused the file, told apart by the wording of each stage's messages.</summary>
    private static string RejectionStage(string message) => message switch
    {
        _ when message.Contains("does not match the", StringComparison.Ordinal)
            || message.StartsWith("The file is none of the known models", StringComparison.Ordinal) => "graph check",
        _ when message.StartsWith("The model has no tensor", StringComparison.Ordinal)
            || message.StartsWith("Tensor '", StringComparison.Ordinal)
            || message.StartsWith("tensor ", StringComparison.Ordinal) => "weight check",
        _ => "file reader",
    };

    /// <summary>Type, message and the innermost frames: enough to find the throwing line without a page per failure.</summary>
    private static string Describe(Exception exception) =>
        $"{exception.GetType().Name}: {exception.Message}\n{string.Join("\n", (exception.StackTrace ?? "").Split('\n').Take(4))}";

    /// <returns>Null when the model ran to finite outputs; otherwise what was wrong.</returns>
    private string? Run(BlazeFaceModel model)
    {
        using NetworkSession session = model.CreateSession();
        _inputs[model.Name].CopyTo(session.Input);
        session.Run();
        int badRegressor = IndexOfNonFinite(session.GetOutput(0));
        int badLogit = IndexOfNonFinite(session.GetOutput(1));
        return badRegressor < 0 && badLogit < 0
            ? null
            : $"loaded, but running it gave non-finite outputs (regressor {badRegressor}, score logit {badLogit}; -1 = none)";
    }

    private static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One thread's scratch buffer, and which variant it is running since when (for the hang watchdog).</summary>
    private sealed class Worker(byte[] scratch)
    {
        private long _startedAt;

        public byte[] Scratch { get; } = scratch;

        public ModelVariant? CurrentVariant { get; private set; }

        public void Start(ModelVariant variant)
        {
            CurrentVariant = variant;
            Volatile.Write(ref _startedAt, Stopwatch.GetTimestamp());
        }

        public TimeSpan Stop()
        {
            TimeSpan elapsed = Stopwatch.GetElapsedTime(Volatile.Read(ref _startedAt));
            Volatile.Write(ref _startedAt, 0);
            return elapsed;
        }

        public TimeSpan? RunningFor()
        {
            long started = Volatile.Read(ref _startedAt);
            return started == 0 ? null : Stopwatch.GetElapsedTime(started);
        }
    }
}
