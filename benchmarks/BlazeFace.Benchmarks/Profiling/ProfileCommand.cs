using System.Globalization;
using System.Text;
using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Network;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks.Profiling;

/// <summary>
/// <c>profile</c>: where the managed network's time goes, step by step, against each step's FLOP floor (peak FMA
/// throughput of one core) and memory floor (measured L2 copy bandwidth). Rerun it after kernel changes:
/// <code>dotnet run -c Release --project benchmarks/BlazeFace.Benchmarks -- profile [short|full|full-sparse|back|landmarks ...] [--peak-gflops 206] [--seconds 3] [--layers] [--quantile Q] [--band-rows N] [--out FILE.md]</code>
/// <c>--layers</c> times every layer on its own (the unfused reference run) instead of the fused steps;
/// <c>--band-rows N</c> runs every banded block in bands of N rows instead of its own choice (a large N: one band).
/// </summary>
/// <remarks>
/// Timestamps between steps cost about 20 ns each, a few percent of a run; the per-step medians add up to within
/// a few percent of the median whole run, which the report prints beside them. The profile says where time goes; the
/// BenchmarkDotNet classes are the numbers to quote.
/// </remarks>
internal static class ProfileCommand
{
    public static int Run(string[] args)
    {
        var models = new List<BlazeFaceModel>();
        double peakGflops = 206;
        double seconds = 3;
        string? output = null;
        bool layers = false;
        double quantile = 0.5;
        int? bandRows = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "short": models.Add(BlazeFaceModel.ShortRange); break;
                case "full": models.Add(BlazeFaceModel.FullRange); break;
                case "full-sparse": models.Add(BlazeFaceModel.FullRangeSparse); break;
                case "back": models.Add(BlazeFaceModel.BackCamera); break;
                case "landmarks": models.Add(BlazeFaceModel.FaceLandmarks); break;
                case "--peak-gflops": peakGflops = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                case "--layers": layers = true; break;
                case "--quantile": quantile = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--band-rows": bandRows = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"profile: unknown argument '{args[i]}'. Usage: profile [short|full|full-sparse|back|landmarks ...] [--peak-gflops G] [--seconds S] [--layers] [--quantile Q] [--band-rows N] [--out FILE.md]");
                    return 1;
            }
        }

        if (models.Count == 0)
        {
            models.AddRange([BlazeFaceModel.ShortRange, BlazeFaceModel.FullRange, BlazeFaceModel.FullRangeSparse, BlazeFaceModel.BackCamera, BlazeFaceModel.FaceLandmarks]);
        }

        double bandwidth = CopyBandwidth.MeasureBytesPerSecond();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{(layers ? "Every layer on its own (unfused)" : "Fused run, step by step")}; kernels: {KernelSet.Default.Width}; FLOP floor at {peakGflops:0} GFLOP/s; memory floor at {bandwidth / 1e9:0} GB/s (L2 copy, measured now); {Environment.ProcessorCount} cores.");
        foreach (BlazeFaceModel model in models)
        {
            CompiledNetwork network = bandRows is null ? model.Compile(KernelSet.Default).Network : NetworkCompiler.Compile(model.File, model.Entry, KernelSet.Default, bandRows).Network;
            float[] input = new float[model.InputSize * model.InputSize * 3];
            using (NetworkSession session = model.CreateSession())
            {
                SessionInput.Fill(session, BenchmarkFrame.View(BenchmarkFrame.Pixels));
                session.Input.CopyTo(input);
            }

            if (model.Spec.Detector is null)
            {
                // The detectors' [-1, 1] to the landmark model's [0, 1]: the frame stands in for a face crop (values
                // do not change the work done).
                for (int i = 0; i < input.Length; i++)
                {
                    input[i] = (input[i] + 1) / 2;
                }
            }

            IReadOnlyList<NodeProfile> nodes = NetworkProfiler.Profile(network, layers, input, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds), quantile, out double run);
            ProfileReport.Append(report, model, nodes, run, peakGflops * 1e9, bandwidth);
        }

        Console.Write(report.ToString());
        if (output is not null)
        {
            File.WriteAllText(output, report.ToString());
        }

        return 0;
    }
}
