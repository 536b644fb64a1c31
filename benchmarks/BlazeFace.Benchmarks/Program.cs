using BenchmarkDotNet.Running;
using BlazeFace.Benchmarks.Profiling;

if (args.Length > 0 && args[0] == "--layers")
{
    LayerProfiler.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
