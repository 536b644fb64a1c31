using System.Globalization;
using BlazeFace.Kernels;

namespace BlazeFace.Benchmarks.Profiling;

/// <summary>
/// <c>--layers short|full [512|256|128|scalar] [passes]</c>: times every kernel call of the network (the median over
/// the passes) and sets it against its floor, the larger of its arithmetic at the machine's peak and its bytes at L2
/// bandwidth, so the layers furthest from their floor stand out. A diagnostic, not a benchmark: the timer around each
/// call adds some 30 ns, and the sum is a little above a plain <see cref="BlazeFaceNetworkSession.Run"/>.
/// </summary>
internal static class LayerProfiler
{
    /// <summary>One core's float32 FMA peak at 512 bits (measured on the Zen 5 development machine).</summary>
    private const double PeakGflops512 = 206;

    /// <summary>L2 bandwidth of one core: 64 bytes per cycle at the 3.2 GHz implied by the FMA peak.</summary>
    private const double BandwidthGBps = 206;

    public static void Run(string[] args)
    {
        BlazeFaceModelKind model = args.Length > 0 && args[0] == "full" ? BlazeFaceModelKind.FullRange : BlazeFaceModelKind.ShortRange;
        VectorWidth width = args.Length > 1 ? ParseWidth(args[1]) : KernelSet.Widest;
        int passes = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000;

        var log = new KernelCallLog();
        using var session = new BlazeFaceNetworkSession(ModelCatalog.Get(model), TimedKernels.Wrap(KernelSet.Create(width), log));
        session.SetInput(BenchmarkFrame.View(BenchmarkFrame.Pixels));
        for (int i = 0; i < Math.Max(200, passes / 5); i++)
        {
            log.BeginPass();
            session.Run();
        }

        log.ClearDurations();
        for (int i = 0; i < passes; i++)
        {
            log.BeginPass();
            session.Run();
        }

        double peak = PeakGflops512 * Lanes(width) / 16;
        Console.WriteLine($"{model}, {width} kernels, {passes} passes; floor = max(FLOP / {peak:0.#} GFLOP/s, bytes / {BandwidthGBps} GB/s)");
        Console.WriteLine($"{"#",3} {"kernel",-16} {"shape",-28} {"MFLOP",7} {"KB",6} {"us",8} {"GFLOP/s",8} {"floor us",8} {"x floor",7}");
        var byKernel = new SortedDictionary<string, (double Us, double Floor)>();
        double total = 0, totalFloor = 0;
        for (int i = 0; i < log.Calls.Count; i++)
        {
            KernelCall call = log.Calls[i];
            double us = log.MedianMicroseconds(i);
            double floor = Math.Max(call.Flops / (peak * 1e3), call.Bytes / (BandwidthGBps * 1e3));
            total += us;
            totalFloor += floor;
            byKernel[call.Kernel] = byKernel.TryGetValue(call.Kernel, out var sum) ? (sum.Us + us, sum.Floor + floor) : (us, floor);
            Console.WriteLine($"{i,3} {call.Kernel,-16} {call.Shape,-28} {call.Flops / 1e6,7:0.00} {call.Bytes / 1024,6:0} {us,8:0.0} {call.Flops / (us * 1e3),8:0.0} {floor,8:0.0} {us / floor,7:0.0}");
        }

        Console.WriteLine();
        foreach (var (kernel, (us, floor)) in byKernel.OrderByDescending(entry => entry.Value.Us))
        {
            Console.WriteLine($"{kernel,-20} {us,8:0.0} us {100 * us / total,5:0.0}%  floor {floor,7:0.0} us  x{us / floor:0.0}");
        }

        Console.WriteLine($"{"total",-20} {total,8:0.0} us         floor {totalFloor,7:0.0} us  x{total / totalFloor:0.0}");
    }

    private static VectorWidth ParseWidth(string text) => text switch
    {
        "512" => VectorWidth.V512,
        "256" => VectorWidth.V256,
        "128" => VectorWidth.V128,
        "scalar" => VectorWidth.Scalar,
        _ => throw new ArgumentException($"Unknown width '{text}': use 512, 256, 128 or scalar.", nameof(text)),
    };

    private static int Lanes(VectorWidth width) => width switch
    {
        VectorWidth.V512 => 16,
        VectorWidth.V256 => 8,
        VectorWidth.V128 => 4,
        _ => 1,
    };
}
