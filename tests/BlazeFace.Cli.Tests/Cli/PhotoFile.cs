using BlazeFace.Tests.Support;
using SkiaSharp;

namespace BlazeFace.Cli.Tests;

/// <summary>A test picture written as a lossless PNG in a temporary folder, deleted with the folder on dispose.</summary>
internal sealed class PhotoFile : IDisposable
{
    private PhotoFile(string folder, string path)
    {
        Folder = folder;
        Path = path;
    }

    /// <summary>A folder of the test's own, for the file and anything the CLI writes next to it.</summary>
    public string Folder { get; }

    public string Path { get; }

    public static PhotoFile Write(RgbImage image, string name)
    {
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"blazeface-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                int i = ((y * image.Width) + x) * 3;
                bitmap.SetPixel(x, y, new SKColor(image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]));
            }
        }

        string path = System.IO.Path.Combine(folder, name);
        using (FileStream file = File.Create(path))
        {
            bitmap.Encode(file, SKEncodedImageFormat.Png, 100);
        }

        return new PhotoFile(folder, path);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
