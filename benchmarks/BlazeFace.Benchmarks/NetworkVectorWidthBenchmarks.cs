using BenchmarkDotNet.Attributes;
using BlazeFace.Engines;
using BlazeFace.Kernels;
using BlazeFace.Network;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// One forward pass of the network with the SIMD kernels of each vector width this machine accelerates
/// (<see cref="KernelSet.Create"/>), to see what each width buys; <see cref="NetworkBenchmarks"/> has the scalar
/// baseline and the default (widest) set.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class NetworkVectorWidthBenchmarks : IDisposable
{
    private NetworkSession? _session;

    /// <summary>The bundled model to run.</summary>
    [Params(BundledModel.ShortRange, BundledModel.FullRange)]
    public BundledModel Model { get; set; }

    /// <summary>Vector width in bits: 128, 256 or 512, as far as the hardware accelerates them.</summary>
    [ParamsSource(nameof(SupportedVectorBits))]
    public int VectorBits { get; set; }

    /// <summary>The widths <see cref="KernelSet.IsSupported"/> reports for this machine, in bits, narrowest first.</summary>
    public static IEnumerable<int> SupportedVectorBits =>
        KernelSet.SupportedWidths.Where(w => w != VectorWidth.Scalar).Select(Bits);

    /// <summary>Builds a session with the kernels of <see cref="VectorBits"/> and writes the frame into its input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        VectorWidth width = KernelSet.SupportedWidths.Single(w => w != VectorWidth.Scalar && Bits(w) == VectorBits);
        _session = new ManagedEngine(KernelSet.Create(width)).CreateSession(Model.Load());
        SessionInput.Fill(_session, BenchmarkFrame.View(BenchmarkFrame.Pixels));
    }

    /// <summary>One forward pass.</summary>
    [Benchmark]
    public float Run()
    {
        _session!.Run();
        return _session.GetOutput(1)[0];
    }

    /// <summary>Prints the exact bytes <see cref="Run"/> allocates per call, then releases the session.</summary>
    [GlobalCleanup]
    public void CheckAllocations()
    {
        AllocationCheck.Report(nameof(Run), $"Model={Model}, VectorBits={VectorBits}", () => Run());
        Dispose();
    }

    /// <summary>Releases the session.</summary>
    public void Dispose()
    {
        _session?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static int Bits(VectorWidth width) => width switch
    {
        VectorWidth.V128 => 128,
        VectorWidth.V256 => 256,
        VectorWidth.V512 => 512,
        _ => throw new ArgumentOutOfRangeException(nameof(width), width, "Not a SIMD width."),
    };
}
