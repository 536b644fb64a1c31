using OpenCvSharp;

namespace BlazeFace.OpenCvSharp.Tests;

/// <summary>
/// Seeded fuzzing of the adapter's inputs: Mats of every depth and channel count, zero and odd sizes, sub-matrices,
/// more than two dimensions, disposed Mats. Each Detect and DrawDetections returns or throws
/// <see cref="ArgumentException"/> or <see cref="ObjectDisposedException"/>; nothing else escapes, nothing crashes.
/// </summary>
public class MalformedMatTests
{
    private const int Cases = 2000;

    [Test]
    public void Random_mats_give_faces_or_a_documented_exception()
    {
        var random = new Random(4711);
        using var detector = new FaceDetector();
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < Cases; i++)
        {
            using Mat mat = RandomMat(random);
            string outcome = Attempt(() =>
            {
                if (random.Next(4) == 0)
                {
                    mat.DrawDetections([new FaceDetection(0.9f, new FaceBox(1, 1, 5, 5), default)]);
                    return;
                }

                detector.Detect(mat);
            });
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        TestContext.Out.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));
        Assert.That(outcomes.Keys, Is.SubsetOf(new[] { "ok", nameof(ArgumentException), nameof(ObjectDisposedException) }));
        Assert.That(outcomes.GetValueOrDefault("ok"), Is.GreaterThan(Cases / 10), "the generator also makes valid Mats");
    }

    private static Mat RandomMat(Random random)
    {
        int depth = random.Next(7); // CV_8U .. CV_64F
        int channels = random.Next(1, 5);
        var type = MatType.MakeType(depth, channels);
        if (random.Next(3) > 0)
        {
            type = MatType.MakeType(MatType.CV_8U, random.Next(2) == 0 ? 3 : random.Next(1, 5));
        }

        Mat mat = random.Next(10) switch
        {
            0 => new Mat(),
            1 => new Mat([random.Next(1, 5), random.Next(1, 5), random.Next(1, 5)], type),
            2 => new Mat(0, random.Next(0, 8), type),
            _ => new Mat(random.Next(1, 90), random.Next(1, 90), type, Scalar.All(random.Next(256))),
        };

        if (mat.Dims == 2 && mat.Rows > 2 && mat.Cols > 2 && random.Next(3) == 0)
        {
            Mat region = mat[new Rect(1, 1, random.Next(1, mat.Cols - 1), random.Next(1, mat.Rows - 1))];
            mat.Dispose();
            mat = region;
        }

        if (random.Next(12) == 0)
        {
            mat.Dispose();
        }

        return mat;
    }

    private static string Attempt(Action action)
    {
        try
        {
            action();
            return "ok";
        }
        catch (ArgumentException)
        {
            return nameof(ArgumentException);
        }
        catch (ObjectDisposedException)
        {
            return nameof(ObjectDisposedException);
        }
#pragma warning disable CA1031 // Any other exception is the failure this test looks for; it is reported by type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
