using System.Diagnostics;
using System.Globalization;
using BlazeFace.Network;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks.Race;

/// <summary>
/// <c>interleave</c>: a check of the race that a busy machine disturbs less. The two engines run the network, then
/// Detect on the 640x480 frame, alternately, one call each, thousands of times, and each call is timed alone; the minimum and the 10th percentile
/// of each engine's calls are those that other processes did not interrupt, and alternating gives both engines the
/// same conditions. BenchmarkDotNet's medians (<see cref="EngineRaceBenchmarks"/>) remain the figures to quote on a
/// quiet machine.
/// <code>dotnet run -c Release --project benchmarks/BlazeFace.Benchmarks -- interleave [short|full|full-sparse|back ...] [--calls 3000]</code>
/// </summary>
internal static class InterleavedRace
{
    public static int Run(string[] args)
    {
        var models = new List<BundledModel>();
        int calls = 3000;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "short": models.Add(BundledModel.ShortRange); break;
                case "full": models.Add(BundledModel.FullRange); break;
                case "full-sparse": models.Add(BundledModel.FullRangeSparse); break;
                case "back": models.Add(BundledModel.BackCamera); break;
                case "--calls": calls = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"interleave: unknown argument '{args[i]}'. Usage: interleave [short|full|full-sparse|back ...] [--calls N]");
                    return 1;
            }
        }

        if (models.Count == 0)
        {
            models.AddRange([BundledModel.ShortRange, BundledModel.FullRange, BundledModel.FullRangeSparse, BundledModel.BackCamera]);
        }

        Console.WriteLine("| model | stage | calls each | managed min / p10 / median ms | ONNX Runtime min / p10 / median ms | ORT / managed (min, p10, median) |");
        Console.WriteLine("| --- | --- | ---: | --- | --- | --- |");
        foreach (BundledModel kind in models)
        {
            BlazeFaceModel model = kind.Load();
            using NetworkSession managed = model.CreateSession();
            using Microsoft.ML.OnnxRuntime.SessionOptions sessionOptions = OnnxRuntimeSessions.OneThread();
            using var engine = new OnnxRuntime.OnnxRuntimeEngine(sessionOptions);
            using NetworkSession onnx = engine.CreateSession(model);
            using var managedDetector = new FaceDetector(new FaceDetectorOptions { Model = model });
            using var onnxDetector = new FaceDetector(new FaceDetectorOptions { Model = model, Engine = engine });
            byte[] pixels = BenchmarkFrame.Pixels;
            FaceDetection[] faces = new FaceDetection[16];
            SessionInput.Fill(managed, BenchmarkFrame.View(pixels));
            managed.Input.CopyTo(onnx.Input);

            Action[] cases =
            [
                managed.Run,
                onnx.Run,
                () => managedDetector.Detect(BenchmarkFrame.View(pixels), faces, out _),
                () => onnxDetector.Detect(BenchmarkFrame.View(pixels), faces, out _),
            ];
            double[][] ms = [.. cases.Select(_ => new double[calls])];
            for (int i = -calls / 10; i < calls; i++)
            {
                for (int c = 0; c < cases.Length; c++)
                {
                    double elapsed = Time(cases[c]);
                    if (i >= 0)
                    {
                        ms[c][i] = elapsed;
                    }
                }
            }

            Report(kind, "network", calls, ms[0], ms[1]);
            Report(kind, "Detect 640x480", calls, ms[2], ms[3]);
        }

        return 0;
    }

    private static void Report(BundledModel kind, string stage, int calls, double[] managedMs, double[] onnxMs)
    {
        (double Min, double P10, double Median) m = Quantiles(managedMs), o = Quantiles(onnxMs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {kind} | {stage} | {calls} | {m.Min:0.000} / {m.P10:0.000} / {m.Median:0.000} | {o.Min:0.000} / {o.P10:0.000} / {o.Median:0.000} | {o.Min / m.Min:0.00}x, {o.P10 / m.P10:0.00}x, {o.Median / m.Median:0.00}x |"));
    }

    private static double Time(Action run)
    {
        long start = Stopwatch.GetTimestamp();
        run();
        return (Stopwatch.GetTimestamp() - start) * 1e3 / Stopwatch.Frequency;
    }

    private static (double Min, double P10, double Median) Quantiles(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return (sorted[0], sorted[sorted.Length / 10], sorted[sorted.Length / 2]);
    }
}
