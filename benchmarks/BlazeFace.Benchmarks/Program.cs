using BenchmarkDotNet.Running;
using BlazeFace.Benchmarks.Profiling;

// `profile` is the per-step profile of the managed network; everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "profile")
{
    return ProfileCommand.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ProfileCommand).Assembly).Run(args);
return 0;
