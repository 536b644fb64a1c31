using System.Globalization;
using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.Network;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// <c>bands [short|full|back|landmarks ...] [--rounds N]</c>: the fused network with its BlazeBlocks run band by band
/// (as shipped) against the same network with every block in one band (each intermediate a whole tensor, as before
/// band fusion), the two alternating call by call (see <see cref="InterleavedComparison"/>), N rounds of each model.
/// </summary>
internal static class BandComparison
{
    /// <summary>A band height no block reaches: every block runs as one band.</summary>
    private const int OneBand = int.MaxValue;

    public static int Run(string[] args)
    {
        var models = new List<BlazeFaceModel>();
        int rounds = 1;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "short": models.Add(BlazeFaceModel.ShortRange); break;
                case "full": models.Add(BlazeFaceModel.FullRange); break;
                case "back": models.Add(BlazeFaceModel.BackCamera); break;
                case "landmarks": models.Add(BlazeFaceModel.FaceLandmarks); break;
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"bands: unknown argument '{args[i]}'. Usage: bands [short|full|back|landmarks ...] [--rounds N]");
                    return 1;
            }
        }

        if (models.Count == 0)
        {
            models.AddRange([BlazeFaceModel.ShortRange, BlazeFaceModel.FullRange, BlazeFaceModel.BackCamera, BlazeFaceModel.FaceLandmarks]);
        }

        foreach (BlazeFaceModel model in models)
        {
            (CompiledNetwork banded, NetworkActivations bandedActivations) = Prepare(model, bandRows: null);
            (CompiledNetwork whole, NetworkActivations wholeActivations) = Prepare(model, OneBand);
            for (int round = 0; round < rounds; round++)
            {
                InterleavedComparison.Report(
                    $"{model.Spec.Name}, {KernelSet.Default.Width}, round {round + 1}",
                    "one band per block",
                    () => whole.Run(wholeActivations),
                    "banded",
                    () => banded.Run(bandedActivations));
            }
        }

        return 0;
    }

    private static (CompiledNetwork Network, NetworkActivations Activations) Prepare(BlazeFaceModel model, int? bandRows)
    {
        CompiledNetwork network = NetworkCompiler.Compile(model.File, model.Entry, KernelSet.Default, bandRows).Network;
        NetworkActivations activations = network.CreateActivations();
        using (NetworkSession session = model.CreateSession())
        {
            SessionInput.Fill(session, BenchmarkFrame.View(BenchmarkFrame.Pixels));
            session.Input.CopyTo(activations.Input);
        }

        return (network, activations);
    }
}
