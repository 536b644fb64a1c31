using BlazeFace.Tests.Support;
using System.Diagnostics;

namespace BlazeFace.Tests.Hardening;

/// <summary>
/// Long runs: a detector used for a long time keeps its memory flat. Explicit, so the default run skips it; run it with
/// <c>dotnet test BlazeFace.sln -c Release --filter TestCategory=Soak</c>.
/// </summary>
[Category("Soak")]
[Explicit("100,000 detections take minutes; run with --filter TestCategory=Soak")]
public class SoakTests
{
    private const int Calls = 100_000;
    private const int WarmUpCalls = 1_000;
    private const long AllowedGrowthBytes = 1024 * 1024;

    [Test]
    public void Managed_memory_grows_by_less_than_a_megabyte_over_100000_detections()
    {
        IReadOnlyList<(string Name, RgbImage Image)> photos = BundledPhotos.Load();
        using var detector = new FaceDetector();
        long afterWarmUp = 0;
        int faces = 0;
        var clock = Stopwatch.StartNew();

        for (int call = 1; call <= Calls; call++)
        {
            faces += detector.Detect(photos[call % photos.Count].Image.AsView()).Count;

            // Measured after call 1,000, once pools, caches and JIT-tiered code have settled.
            if (call == WarmUpCalls)
            {
                afterWarmUp = AllocationProbe.LiveBytesAfterFullCollection();
            }
        }

        long atEnd = AllocationProbe.LiveBytesAfterFullCollection();
        TestContext.Out.WriteLine($"{Calls} calls in {clock.Elapsed.TotalSeconds:F0} s, {faces} faces; managed memory after call {WarmUpCalls}: {afterWarmUp} bytes, after call {Calls}: {atEnd} bytes ({atEnd - afterWarmUp:+#;-#;0} bytes)");
        Assert.That(atEnd - afterWarmUp, Is.LessThan(AllowedGrowthBytes));
    }
}
