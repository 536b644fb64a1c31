using System.Reflection;
using System.Runtime.Loader;

namespace BlazeFace.Benchmarks.Builds;

/// <summary>
/// Loads one build of the library, and the assemblies beside it, apart from the build this program references, so two
/// builds (a branch and main) run in one process.
/// </summary>
internal sealed class BuildLoadContext(string libraryPath) : AssemblyLoadContext($"build {libraryPath}")
{
    private readonly string _directory = Path.GetDirectoryName(Path.GetFullPath(libraryPath))!;

    protected override Assembly? Load(AssemblyName name)
    {
        // The runtime's own assemblies come from the shared framework; anything the build ships beside itself (the
        // library, System.Numerics.Tensors) from its folder.
        string candidate = Path.Combine(_directory, name.Name + ".dll");
        return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
    }
}
