using BlazeFace.Cli.Imaging;

namespace BlazeFace.Tests.Support;

/// <summary>The bundled photos (assets/images), decoded with the CLI's own PNG decoder.</summary>
internal static class TestImages
{
    public static RgbImage Load(string fileName) => ImageDecoder.DecodeFile(RepositoryPaths.Asset(Path.Combine("images", fileName)));
}
