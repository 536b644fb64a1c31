using BenchmarkDotNet.Attributes;
using BlazeFace.Engines;
using BlazeFace.Kernels;
using BlazeFace.Network;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// One forward pass of the network alone (<see cref="NetworkSession.Run"/>) on the preprocessed frame,
/// for each model, with the scalar reference kernels as the baseline and the machine's default kernels.
/// </summary>
/// <remarks>
/// The scalar runs take tens of milliseconds (about 20 ms short range and 65 ms full range on the 2-core EPYC
/// development machine, up to 50 and 120 ms when it is busy); at the shared job's 0.5 s iterations that is still
/// several passes per iteration, so they use the same job rather than a separate, shorter one.
/// </remarks>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class NetworkBenchmarks : IDisposable
{
    private NetworkSession? _scalar;
    private NetworkSession? _default;

    /// <summary>The bundled model to run.</summary>
    [Params(BundledModel.ShortRange, BundledModel.FullRange, BundledModel.FullRangeSparse, BundledModel.BackCamera)]
    public BundledModel Model { get; set; }

    /// <summary>Builds one session per kernel set and writes the frame into each input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        BlazeFaceModel model = Model.Load();
        _scalar = new ManagedEngine(KernelSet.Scalar).CreateSession(model);
        _default = new ManagedEngine(KernelSet.Default).CreateSession(model);
        SessionInput.Fill(_scalar, BenchmarkFrame.View(BenchmarkFrame.Pixels));
        SessionInput.Fill(_default, BenchmarkFrame.View(BenchmarkFrame.Pixels));
    }

    /// <summary>The plain reference kernels (<see cref="KernelSet.Scalar"/>).</summary>
    [Benchmark(Baseline = true)]
    public float ScalarKernels()
    {
        _scalar!.Run();
        return _scalar.GetOutput(1)[0];
    }

    /// <summary>The kernels <see cref="FaceDetector"/> uses on this machine (<see cref="KernelSet.Default"/>, the widest SIMD set).</summary>
    [Benchmark]
    public float DefaultKernels()
    {
        _default!.Run();
        return _default.GetOutput(1)[0];
    }

    /// <summary>Prints the exact bytes <see cref="ScalarKernels"/> allocates per call, then releases the sessions.</summary>
    [GlobalCleanup(Target = nameof(ScalarKernels))]
    public void CheckScalarAllocations()
    {
        AllocationCheck.Report(nameof(ScalarKernels), $"Model={Model}", () => ScalarKernels());
        Dispose();
    }

    /// <summary>Prints the exact bytes <see cref="DefaultKernels"/> allocates per call, then releases the sessions.</summary>
    [GlobalCleanup(Target = nameof(DefaultKernels))]
    public void CheckDefaultAllocations()
    {
        AllocationCheck.Report(nameof(DefaultKernels), $"Model={Model}", () => DefaultKernels());
        Dispose();
    }

    /// <summary>Releases both sessions.</summary>
    public void Dispose()
    {
        _scalar?.Dispose();
        _default?.Dispose();
        GC.SuppressFinalize(this);
    }
}
