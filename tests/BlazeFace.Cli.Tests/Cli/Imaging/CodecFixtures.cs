namespace BlazeFace.Cli.Tests.Imaging;

/// <summary>
/// The image files in TestData/codecs (made by make_fixtures.py there) and the RGB
/// pixels each must decode to, stored beside it as NAME.rgb.
/// </summary>
internal static class CodecFixtures
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "codecs");

    /// <summary>File names (not paths) of the fixtures with one of the given extensions, sorted.</summary>
    public static IEnumerable<string> Names(params string[] extensions) =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory)
                .Where(path => extensions.Contains(Path.GetExtension(path)))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
            : [];

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    public static byte[] ExpectedRgb(string name) => Read(Path.ChangeExtension(name, ".rgb"));
}
