using System.IO.Compression;
using System.Text;

namespace BlazeFace.Tests.Support;

/// <summary>
/// The bundled photos (assets/images) as raw pixels: TestData/photos/{name}.ppm.gz, made from the PNGs by
/// TestData/photos/make_photos.py. No image codec runs in the library's tests, so a codec change can never look
/// like a detector regression.
/// </summary>
internal static class TestImages
{
    /// <summary>Names of every photo, as in assets/images ("astronaut.png", …).</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.GetFiles(Folder, "*.ppm.gz").Select(path => Path.GetFileName(path)[..^".ppm.gz".Length] + ".png").Order(StringComparer.Ordinal)];

    private static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "photos");

    /// <param name="fileName">The photo's name in assets/images, e.g. "astronaut.png".</param>
    public static RgbImage Load(string fileName)
    {
        string path = Path.Combine(Folder, Path.GetFileNameWithoutExtension(fileName) + ".ppm.gz");
        using var stream = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        byte[] data = memory.ToArray();

        // Binary PPM as make_photos.py writes it: "P6\n<width> <height>\n255\n", then width x height x 3 bytes.
        string[] header = Encoding.ASCII.GetString(data, 0, Math.Min(data.Length, 32)).Split('\n', 4);
        if (header.Length < 4 || header[0] != "P6" || header[2] != "255")
        {
            throw new InvalidDataException($"{path} is not a binary PPM fixture.");
        }

        string[] size = header[1].Split(' ');
        int width = int.Parse(size[0], System.Globalization.CultureInfo.InvariantCulture);
        int height = int.Parse(size[1], System.Globalization.CultureInfo.InvariantCulture);
        int offset = header[0].Length + header[1].Length + header[2].Length + 3;
        return new RgbImage(width, height, data[offset..]);
    }
}
