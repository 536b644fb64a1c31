using System.Reflection;

namespace BlazeFace.Benchmarks.Builds;

/// <summary>
/// A network session of a bundled model from another build of the library, driven through the public API every
/// version has (<c>BlazeFaceModel.FullRange.CreateSession()</c>, its <c>Input</c> and <c>Run()</c>), bound once to
/// delegates so a timed call costs what a direct call costs.
/// </summary>
internal sealed class BuildSession
{
    private readonly Action _run;

    /// <param name="libraryPath">The build's BlazeFace.dll, with its dependencies beside it.</param>
    /// <param name="model">The name of a <c>BlazeFaceModel</c> static property: ShortRange, FullRange, BackCamera.</param>
    /// <param name="input">Values for the session's input tensor.</param>
    public BuildSession(string libraryPath, string model, ReadOnlySpan<float> input)
    {
        Assembly library = new BuildLoadContext(libraryPath).LoadFromAssemblyPath(Path.GetFullPath(libraryPath));
        Type modelType = library.GetExportedTypes().Single(type => type.Name == "BlazeFaceModel");
        object instance = modelType.GetProperty(model, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new ArgumentException($"{libraryPath} has no BlazeFaceModel.{model}.", nameof(model));
        object session = modelType.GetMethod("CreateSession", Type.EmptyTypes)!.Invoke(instance, null)!;
        var inputSpan = session.GetType().GetProperty("Input")!.GetMethod!.CreateDelegate<InputAccessor>(session);
        input.CopyTo(inputSpan());
        _run = session.GetType().GetMethod("Run", Type.EmptyTypes)!.CreateDelegate<Action>(session);
    }

    private delegate Span<float> InputAccessor();

    public void Run() => _run();
}
