using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks;

/// <summary>
/// The library tests' raw photo fixtures (gzipped binary PPM, "P6\n&lt;w&gt; &lt;h&gt;\n255\n" and Rgb24 bytes), embedded,
/// so no image codec runs and BenchmarkDotNet's child process finds them wherever it runs.
/// </summary>
internal static class FixturePhotos
{
    /// <param name="name">The photo's name without extension, e.g. "astronaut".</param>
    public static RgbImage Load(string name)
    {
        string resource = $"BlazeFace.Benchmarks.{name}.ppm.gz";
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded photo '{resource}' is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        byte[] data = buffer.ToArray();
        string[] header = Encoding.ASCII.GetString(data, 0, Math.Min(data.Length, 32)).Split('\n', 4);
        string[] size = header[1].Split(' ');
        int offset = header[0].Length + header[1].Length + header[2].Length + 3;
        return new RgbImage(int.Parse(size[0], CultureInfo.InvariantCulture), int.Parse(size[1], CultureInfo.InvariantCulture), data[offset..]);
    }

    /// <summary>
    /// The tests' 1920x1080 scene of twelve small faces. The faces are located in their photos with the full-range
    /// detector, which matches the TFLite goldens the tests use within a pixel.
    /// </summary>
    public static SmallFaceScene SmallFaceScene()
    {
        using var locator = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange });
        (RgbImage, FaceBox) Source(string name)
        {
            RgbImage photo = Load(name);
            return (photo, locator.Detect(photo.AsView()).Single().BoundingBox);
        }

        return Tests.Support.SmallFaceScene.Build([Load("no_face_coffee"), Load("no_face_stairs")], [Source("astronaut"), Source("grace_hopper"), Source("cameraman")]);
    }
}
