using BenchmarkDotNet.Running;
using BlazeFace.Benchmarks;
using BlazeFace.Benchmarks.Builds;
using BlazeFace.Benchmarks.Profiling;
using BlazeFace.Benchmarks.Race;

// `profile`: the per-step profile of the managed network; `interleave`: the race's load-resistant cross-check;
// `mesh-race`: the face mesh's figures in one sitting, TFLite's WASM build included; `bands`: banded blocks against
// one band per block, interleaved; `builds`: two builds of the library, interleaved; everything else goes to
// BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "profile":
        return ProfileCommand.Run(args[1..]);
    case "interleave":
        return InterleavedRace.Run(args[1..]);
    case "mesh-race":
        return InterleavedMeshRace.Run(args[1..]);
    case "bands":
        return BandComparison.Run(args[1..]);
    case "builds":
        return BuildComparison.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ProfileCommand).Assembly).Run(args);
return 0;
