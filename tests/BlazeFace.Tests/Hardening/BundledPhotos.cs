using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Hardening;

/// <summary>Every bundled photo, loaded once, with and without faces and of several sizes.</summary>
internal static class BundledPhotos
{
    private static readonly Lazy<IReadOnlyList<(string Name, RgbImage Image)>> All = new(() =>
        [.. TestImages.Names.Select(name => (name, TestImages.Load(name)))]);

    public static IReadOnlyList<(string Name, RgbImage Image)> Load() => All.Value;
}
