namespace BlazeFace.Tests.Support;

/// <summary>
/// A 1920x1080 picture with twelve small faces (20 to 40 pixels wide) pasted on a checkerboard of the face-free
/// photos, and where each face is: the measure of a tiled search. Shared by the tiling tests and benchmarks.
/// </summary>
/// <remarks>
/// Each face is a square crop, twice its box's side, around a face of a bundled photo, scaled down bilinearly (with
/// area averaging, so small copies are not aliased) so that the face's box becomes the target width, and pasted in
/// its own cell of a 4 x 3 grid at a seeded random place. The face's box in the scene is its box in the photo, scaled
/// and moved the same way. Boxes in the photos come from the caller (the tests use the TFLite goldens).
/// </remarks>
internal sealed class SmallFaceScene
{
    public const int Width = 1920;
    public const int Height = 1080;

    private static readonly int[] FaceWidths = [20, 26, 33, 40];

    private SmallFaceScene(RgbImage image, IReadOnlyList<FaceBox> faces)
    {
        Image = image;
        Faces = faces;
    }

    /// <summary>The scene.</summary>
    public RgbImage Image { get; }

    /// <summary>Where the pasted faces are, in scene pixels.</summary>
    public IReadOnlyList<FaceBox> Faces { get; }

    /// <summary>Builds the scene.</summary>
    /// <param name="backgrounds">Photos without faces, tiled at their own size to fill the scene.</param>
    /// <param name="sources">Photos with one face each and that face's box; each is pasted at every width 20, 26, 33 and 40.</param>
    public static SmallFaceScene Build(IReadOnlyList<RgbImage> backgrounds, IReadOnlyList<(RgbImage Photo, FaceBox Face)> sources)
    {
        var image = new RgbImage(Width, Height);
        FillWithTiles(image, backgrounds);
        var faces = new List<FaceBox>();
        var random = new Random(13);
        int cell = 0;
        const int cellWidth = Width / 4, cellHeight = Height / 3;
        foreach (int faceWidth in FaceWidths)
        {
            foreach ((RgbImage photo, FaceBox face) in sources)
            {
                double scale = faceWidth / (double)face.Width;
                double cropSide = 2 * face.Width;
                double cropX = face.X + (face.Width / 2) - (cropSide / 2);
                double cropY = face.Y + (face.Height / 2) - (cropSide / 2);
                int pasteSide = (int)Math.Round(cropSide * scale);
                int left = ((cell % 4) * cellWidth) + random.Next(0, cellWidth - pasteSide);
                int top = ((cell / 4) * cellHeight) + random.Next(0, cellHeight - pasteSide);
                double pixelScale = pasteSide / cropSide;
                Paste(photo, cropX, cropY, cropSide, image, left, top, pasteSide);
                faces.Add(new FaceBox(
                    (float)(left + ((face.X - cropX) * pixelScale)),
                    (float)(top + ((face.Y - cropY) * pixelScale)),
                    (float)(face.Width * pixelScale),
                    (float)(face.Height * pixelScale)));
                cell++;
            }
        }

        return new SmallFaceScene(image, faces);
    }

    /// <summary>How many of the scene's faces some detection overlaps by at least <paramref name="minIou"/>.</summary>
    public int CountFound(IEnumerable<FaceDetection> detections, float minIou = 0.5f) =>
        Faces.Count(face => detections.Any(d => d.BoundingBox.IntersectionOverUnion(face) >= minIou));

    /// <summary>How many detections overlap no scene face by even <paramref name="maxIou"/>: false positives.</summary>
    public int CountFalse(IEnumerable<FaceDetection> detections, float maxIou = 0.1f) =>
        detections.Count(d => Faces.All(face => d.BoundingBox.IntersectionOverUnion(face) < maxIou));

    /// <summary>A checkerboard of 480 x 360 cells, each showing one background photo from its top-left corner (repeated if smaller).</summary>
    private static void FillWithTiles(RgbImage image, IReadOnlyList<RgbImage> backgrounds)
    {
        const int cellWidth = Width / 4, cellHeight = Height / 3;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                RgbImage tile = backgrounds[((x / cellWidth) + (y / cellHeight)) % backgrounds.Count];
                int source = ((((y % cellHeight) % tile.Height) * tile.Width) + ((x % cellWidth) % tile.Width)) * 3;
                Array.Copy(tile.Pixels, source, image.Pixels, ((y * image.Width) + x) * 3, 3);
            }
        }
    }

    /// <summary>Resamples the square [x, x + side) x [y, y + side) of a photo into a square of the scene: each output pixel averages the source pixels it covers.</summary>
    private static void Paste(RgbImage photo, double x, double y, double side, RgbImage scene, int left, int top, int pasteSide)
    {
        double step = side / pasteSide;
        int samples = Math.Max(1, (int)Math.Ceiling(step));
        Span<double> sum = stackalloc double[3];
        for (int j = 0; j < pasteSide; j++)
        {
            for (int i = 0; i < pasteSide; i++)
            {
                sum.Clear();
                for (int sy = 0; sy < samples; sy++)
                {
                    for (int sx = 0; sx < samples; sx++)
                    {
                        double u = x + ((i + ((sx + 0.5) / samples)) * step) - 0.5;
                        double v = y + ((j + ((sy + 0.5) / samples)) * step) - 0.5;
                        for (int c = 0; c < 3; c++)
                        {
                            sum[c] += photo.Bilinear(u, v, c);
                        }
                    }
                }

                int output = (((top + j) * scene.Width) + left + i) * 3;
                for (int c = 0; c < 3; c++)
                {
                    scene.Pixels[output + c] = (byte)Math.Round(sum[c] / (samples * samples));
                }
            }
        }
    }
}
