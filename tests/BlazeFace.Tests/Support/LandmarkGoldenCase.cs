namespace BlazeFace.Tests.Support;

/// <summary>
/// One face-landmark golden recorded with the real TFLite interpreter (TestData/goldens/README.md, "Face landmark
/// goldens"): a 192x192 crop in [0, 1] and the two outputs TFLite produced for it.
/// </summary>
internal sealed record LandmarkGoldenCase(string Name)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "goldens", "landmark");

    public float[] Input => ReadFloats("input");

    /// <summary>TFLite's <c>conv2d_21</c>: 468 x (x, y, z) in tensor pixels.</summary>
    public float[] Landmarks => ReadFloats("landmarks");

    /// <summary>TFLite's <c>conv2d_31</c>: the face-presence logit.</summary>
    public float[] Presence => ReadFloats("presence");

    public bool IsSynthetic => Name.StartsWith("synthetic", StringComparison.Ordinal);

    /// <summary>Every landmark golden, found by its input file, in a stable order.</summary>
    public static IEnumerable<LandmarkGoldenCase> All() =>
        Directory.GetFiles(Folder, "*.input.f32")
            .Select(path => Path.GetFileName(path)[..^".input.f32".Length])
            .Order(StringComparer.Ordinal)
            .Select(name => new LandmarkGoldenCase(name));

    public override string ToString() => $"landmark/{Name}";

    private float[] ReadFloats(string kind)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Folder, $"{Name}.{kind}.f32"));
        float[] values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(float));
        return values;
    }
}
