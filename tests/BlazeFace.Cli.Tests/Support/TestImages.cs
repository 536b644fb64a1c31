using BlazeFace.Cli.Imaging;
using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests;

/// <summary>The bundled photos (assets/images), decoded as the CLI decodes them.</summary>
internal static class TestImages
{
    public static RgbImage Load(string fileName) => ImageDecoder.DecodeFile(RepositoryPaths.Asset(Path.Combine("images", fileName)));
}
