using BlazeFace.Cli.Imaging;
using BlazeFace.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Hardening;

/// <summary>Every photo in assets/images, decoded once, with and without faces and of several sizes.</summary>
internal static class BundledPhotos
{
    private static readonly Lazy<IReadOnlyList<(string Name, RgbImage Image)>> All = new(() =>
        [.. Directory.GetFiles(RepositoryPaths.Asset("images"), "*.png")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), TestImages.Load(Path.GetFileName(path))))]);

    public static IReadOnlyList<(string Name, RgbImage Image)> Load() => All.Value;
}
