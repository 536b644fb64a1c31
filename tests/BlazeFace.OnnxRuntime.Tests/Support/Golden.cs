

namespace BlazeFace.Tests.Support;

/// <summary>
/// One golden of the library tests (tests/BlazeFace.Tests/TestData/goldens): an input tensor and the outputs the real
/// TensorFlow Lite interpreter gave for it.
/// </summary>
internal sealed record Golden(string Folder, string Name)
{
    /// <summary>The folder of each model's goldens.</summary>
    public static IReadOnlyDictionary<string, BundledModel> Folders { get; } = new Dictionary<string, BundledModel>
    {
        ["short"] = BundledModel.ShortRange,
        ["full"] = BundledModel.FullRange,
        ["back"] = BundledModel.BackCamera,
        ["full_sparse"] = BundledModel.FullRangeSparse,
    };

    public BlazeFaceModel Model => Folders[Folder].Load();

    public float[] Input => ReadFloats("input");

    public float[] Regressors => ReadFloats("regressors");

    public float[] Classificators => ReadFloats("classificators");

    private static string Root => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "goldens");

    /// <summary>Every golden of every model, in a stable order.</summary>
    public static IEnumerable<Golden> All() =>
        from folder in Folders.Keys
        from path in Directory.GetFiles(Path.Combine(Root, folder), "*.input.f32").Order(StringComparer.Ordinal)
        select new Golden(folder, Path.GetFileName(path)[..^".input.f32".Length]);

    public override string ToString() => $"{Folder}/{Name}";

    private float[] ReadFloats(string kind)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Root, Folder, $"{Name}.{kind}.f32"));
        float[] values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }
}
