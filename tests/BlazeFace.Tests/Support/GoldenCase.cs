namespace BlazeFace.Tests.Support;

/// <summary>
/// One golden recorded with the real TFLite interpreter (see TestData/goldens/README.md): an input tensor and the
/// two output tensors TFLite produced for it.
/// </summary>
internal sealed record GoldenCase(string Model, string Name)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "TestData", "goldens");

    /// <summary>The golden folders' model names (as the CLI's --model names them), with the bundled model each holds.</summary>
    public static IReadOnlyDictionary<string, BundledModel> Models { get; } = new Dictionary<string, BundledModel>
    {
        ["short"] = BundledModel.ShortRange,
        ["full"] = BundledModel.FullRange,
        ["back"] = BundledModel.BackCamera,
        ["full_sparse"] = BundledModel.FullRangeSparse,
    };

    public BundledModel Kind => Models[Model];

    public BlazeFaceModel BlazeFaceModel => Kind.Load();

    public float[] Input => ReadFloats("input");

    public float[] Regressors => ReadFloats("regressors");

    public float[] Classificators => ReadFloats("classificators");

    public string DetectionsPath => PathOf("detections.json");

    public bool IsSynthetic => Name.StartsWith("synthetic", StringComparison.Ordinal);

    /// <summary>Every golden of a model ("short", "full", "back" or "full_sparse"), found by its input file.</summary>
    public static IEnumerable<GoldenCase> All() => Models.Keys.SelectMany(All);

    public static IEnumerable<GoldenCase> All(string model)
    {
        string folder = Path.Combine(Directory, model);
        if (!System.IO.Directory.Exists(folder))
        {
            return [];
        }

        return System.IO.Directory.GetFiles(folder, "*.input.f32")
            .Select(path => Path.GetFileName(path)[..^".input.f32".Length])
            .Order(StringComparer.Ordinal)
            .Select(name => new GoldenCase(model, name));
    }

    public override string ToString() => $"{Model}/{Name}";

    private string PathOf(string suffix) => Path.Combine(Directory, Model, $"{Name}.{suffix}");

    private float[] ReadFloats(string kind)
    {
        byte[] bytes = File.ReadAllBytes(PathOf($"{kind}.f32"));
        float[] values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(float));
        return values;
    }
}
