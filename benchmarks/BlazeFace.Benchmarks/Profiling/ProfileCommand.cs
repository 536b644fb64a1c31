using System.Globalization;
using System.Text;
using BlazeFace.Kernels;
using BlazeFace.Network;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks.Profiling;

/// <summary>
/// <c>profile</c>: where the managed network's time goes, step by step, against each step's FLOP floor (peak FMA
/// throughput of one core) and memory floor (measured L2 copy bandwidth). Rerun it after kernel changes:
/// <code>dotnet run -c Release --project benchmarks/BlazeFace.Benchmarks -- profile [short|full|back ...] [--peak-gflops 206] [--seconds 3] [--layers] [--out FILE.md]</code>
/// <c>--layers</c> times every layer on its own (the unfused reference run) instead of the fused steps.
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
        var models = new List<BundledModel>();
        double peakGflops = 206;
        double seconds = 3;
        string? output = null;
        bool layers = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "short": models.Add(BundledModel.ShortRange); break;
                case "full": models.Add(BundledModel.FullRange); break;
                case "full-sparse": models.Add(BundledModel.FullRangeSparse); break;
                case "back": models.Add(BundledModel.BackCamera); break;
                case "--peak-gflops": peakGflops = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": output = args[++i]; break;
                case "--layers": layers = true; break;
                default:
                    Console.Error.WriteLine($"profile: unknown argument '{args[i]}'. Usage: profile [short|full|full-sparse|back ...] [--peak-gflops G] [--seconds S] [--layers] [--out FILE.md]");
                    return 1;
            }
        }

        if (models.Count == 0)
        {
            models.AddRange([BundledModel.ShortRange, BundledModel.FullRange, BundledModel.FullRangeSparse, BundledModel.BackCamera]);
        }

        double bandwidth = CopyBandwidth.MeasureBytesPerSecond();
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{(layers ? "Every layer on its own (unfused)" : "Fused run, step by step")}; kernels: {KernelSet.Default.Width}; FLOP floor at {peakGflops:0} GFLOP/s; memory floor at {bandwidth / 1e9:0} GB/s (L2 copy, measured now); {Environment.ProcessorCount} cores.");
        foreach (BundledModel kind in models)
        {
            BlazeFaceModel model = kind.Load();
            CompiledNetwork network = model.Compile(KernelSet.Default).Network;
            float[] input = new float[model.InputSize * model.InputSize * 3];
            using (NetworkSession session = model.CreateSession())
            {
                SessionInput.Fill(session, BenchmarkFrame.View(BenchmarkFrame.Pixels));
                session.Input.CopyTo(input);
            }

            IReadOnlyList<NodeProfile> nodes = NetworkProfiler.Profile(network, layers, input, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(seconds), out double run);
            ProfileReport.Append(report, kind, nodes, run, peakGflops * 1e9, bandwidth);
        }

        Console.Write(report.ToString());
        if (output is not null)
        {
            File.WriteAllText(output, report.ToString());
        }

        return 0;
    }
}
