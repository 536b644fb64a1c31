using System.Diagnostics;
using System.Text.Json;
using BlazeFace.Web.Tests.Support;
using Microsoft.Playwright;

namespace BlazeFace.Web.Tests.Browser;

/// <summary>
/// The page in a real browser: headless Chromium opens it from the server on a loopback port, its webcam a fake one
/// playing a video made from a bundled photo. The page must report the face with one id over many frames within a
/// few seconds and draw its box where the face is; an uploaded photo must get <c>blazeface detect</c>'s result. With
/// the mesh switch on, the same with each face's 468 landmarks, drawn as dots.
/// </summary>
[Category("Browser")]
public class PageTests
{
    private static readonly TimeSpan FirstFaceDeadline = TimeSpan.FromSeconds(15);

    /// <summary>Consecutive results that must show the same id.</summary>
    private const int StableResults = 10;

    private string _folder = null!;
    private WebSampleServer _server = null!;
    private HeadlessChromium _chromium = null!;

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        _folder = Directory.CreateTempSubdirectory("blazeface-web-browser-").FullName;
        string video = Path.Combine(_folder, "astronaut.y4m");
        FakeCameraVideo.Write(Photos.Path("astronaut.png"), video);
        _server = await WebSampleServer.StartAsync();
        _chromium = await HeadlessChromium.LaunchAsync(video);
    }

    [OneTimeTearDown]
    public async Task StopServerAndBrowser()
    {
        await _chromium.DisposeAsync();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task The_webcam_s_face_gets_one_id_within_seconds_and_its_box_is_drawn_over_it_with_its_mesh_when_switched_on(bool mesh)
    {
        IPage page = await OpenPageAsync();
        if (mesh)
        {
            await page.CheckAsync("#mesh");
        }

        await page.ClickAsync("#camera");

        var ids = new List<(int Frame, long[] Ids)>();
        var clock = Stopwatch.StartNew();
        TimeSpan? firstFace = null;
        while (!HasStableId(ids) && clock.Elapsed < FirstFaceDeadline + TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
            if (await ShownResultAsync(page) is not { } result || !result.TryGetProperty("frame", out JsonElement frame))
            {
                continue;
            }

            long[] faces = [.. result.GetProperty("faces").EnumerateArray().Select(face => face.GetProperty("id").GetInt64())];
            if (ids.Count == 0 || ids[^1].Frame != frame.GetInt32())
            {
                ids.Add((frame.GetInt32(), faces));
            }

            firstFace ??= faces.Length > 0 ? clock.Elapsed : null;
        }

        TestContext.Out.WriteLine($"first face after {firstFace?.TotalSeconds:0.0} s; {ids.Count} results in {clock.Elapsed.TotalSeconds:0.0} s; fps shown: {await page.InnerTextAsync("#fps")}, server ms: {await page.InnerTextAsync("#server-ms")}");
        Assert.That(firstFace, Is.Not.Null.And.LessThan(FirstFaceDeadline), "the page reports the face within seconds");
        Assert.That(HasStableId(ids), Is.True, $"{StableResults} results in a row show the same single id: {string.Join(" ", ids.Select(entry => $"{entry.Frame}:[{string.Join(',', entry.Ids)}]"))}");
        Assert.That(await page.InnerTextAsync("#faces li"), Does.StartWith("#"), "the face list shows the id");

        await AssertBoxesDrawnAsync(page);
        JsonElement last = (await ShownResultAsync(page))!.Value;
        Assert.That(last.GetProperty("faces")[0].TryGetProperty("landmarks", out JsonElement landmarks) ? landmarks.GetArrayLength() : 0, Is.EqualTo(mesh ? 468 : 0), "landmarks with the mesh switch on, none without");
        if (mesh)
        {
            await AssertMeshDrawnAsync(page);
        }
    }

    [Test]
    public async Task An_uploaded_photo_gets_the_result_blazeface_detect_prints_and_its_boxes_are_drawn()
    {
        string photo = Photos.Path("group_mosaic.png");
        JsonElement expected = CliDetection.Result(photo);
        IPage page = await OpenPageAsync();

        await page.SetInputFilesAsync("#photo", photo);
        await page.WaitForSelectorAsync("body[data-state=photo]");

        JsonElement shown = (await ShownResultAsync(page))!.Value;
        DetectionResults.AssertSame(expected, shown);
        Assert.That(shown.GetProperty("image").GetString(), Is.EqualTo("group_mosaic.png"));
        Assert.That(await page.InnerTextAsync("#face-count"), Is.EqualTo(expected.GetProperty("faces").GetArrayLength().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(await page.InnerTextAsync("#server-ms"), Does.Match(@"^\d+\.\d$"), "the server's time is shown");
        await AssertBoxesDrawnAsync(page);
    }

    [Test]
    public async Task With_the_mesh_switch_on_an_uploaded_photo_gets_the_result_blazeface_detect_mesh_prints_and_its_landmarks_are_drawn()
    {
        string photo = Photos.Path("group_mosaic.png");
        JsonElement expected = CliDetection.Result(photo, "--mesh");
        IPage page = await OpenPageAsync();

        await page.CheckAsync("#mesh");
        await page.SetInputFilesAsync("#photo", photo);
        await page.WaitForSelectorAsync("body[data-state=photo]");

        DetectionResults.AssertSame(expected, (await ShownResultAsync(page))!.Value);
        await AssertBoxesDrawnAsync(page);
        await AssertMeshDrawnAsync(page);
    }

    private async Task<IPage> OpenPageAsync()
    {
        IBrowserContext context = await _chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 } });
        IPage page = await context.NewPageAsync();
        await page.GotoAsync(_server.Address.ToString());
        await page.WaitForSelectorAsync("body[data-state=ready]");
        return page;
    }

    /// <summary>The result the page shows in its JSON panel, or null before the first.</summary>
    private static async Task<JsonElement?> ShownResultAsync(IPage page)
    {
        string text = await page.Locator("#result").TextContentAsync() ?? string.Empty;
        if (text.Length == 0)
        {
            return null;
        }

        using JsonDocument json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    private static bool HasStableId(List<(int Frame, long[] Ids)> results) =>
        results.Count >= StableResults && results.TakeLast(StableResults).All(result => result.Ids.Length == 1 && result.Ids[0] == results[^1].Ids[0]);

    /// <summary>
    /// A screenshot of the picture shows the mesh colour at nearly every landmark of every face that has them, scaled
    /// from the result's pixels to the picture's size on screen (boxes, keypoints and labels hide a few).
    /// </summary>
    private static async Task AssertMeshDrawnAsync(IPage page)
    {
        JsonElement result = (await ShownResultAsync(page))!.Value;
        using var pixels = new OverlayPixels(await ScreenshotAsync(page, "-mesh"));
        double scale = (double)pixels.Width / result.GetProperty("width").GetInt32();
        JsonElement[] meshes = [.. result.GetProperty("faces").EnumerateArray().Where(face => face.TryGetProperty("landmarks", out _))];
        Assert.That(meshes, Is.Not.Empty, "faces with landmarks");
        foreach (JsonElement face in meshes)
        {
            IEnumerable<(double X, double Y)> points = face.GetProperty("landmarks").EnumerateArray()
                .Select(point => (point.GetProperty("x").GetDouble() * scale, point.GetProperty("y").GetDouble() * scale));
            Assert.That(pixels.MeshDotCoverage(points, tolerance: 3), Is.GreaterThan(0.8), $"landmarks of the face in {face.GetProperty("box")}");
        }
    }

    /// <summary>
    /// A screenshot of the picture shows the box colour along the top and bottom edges of every face's box, scaled
    /// from the result's pixels to the picture's size on screen, and not along a line through the middle of the face.
    /// </summary>
    private static async Task AssertBoxesDrawnAsync(IPage page)
    {
        JsonElement result = (await ShownResultAsync(page))!.Value;
        using var pixels = new OverlayPixels(await ScreenshotAsync(page, string.Empty));
        double scale = (double)pixels.Width / result.GetProperty("width").GetInt32();
        foreach (JsonElement face in result.GetProperty("faces").EnumerateArray())
        {
            JsonElement box = face.GetProperty("box");
            double left = box.GetProperty("x").GetDouble() * scale;
            double right = left + (box.GetProperty("width").GetDouble() * scale);
            double top = box.GetProperty("y").GetDouble() * scale;
            double bottom = top + (box.GetProperty("height").GetDouble() * scale);
            Assert.That(pixels.HorizontalLineCoverage(left, right, top, tolerance: 6), Is.GreaterThan(0.9), $"top edge of {box}");
            Assert.That(pixels.HorizontalLineCoverage(left, right, bottom, tolerance: 6), Is.GreaterThan(0.9), $"bottom edge of {box}");
            Assert.That(pixels.HorizontalLineCoverage(left, right, (top + bottom) / 2, tolerance: 0), Is.LessThan(0.2), $"middle of {box}");
        }
    }

    /// <summary>The picture with its overlay as shown, kept in BLAZEFACE_SCREENSHOTS when that names a folder.</summary>
    private static async Task<byte[]> ScreenshotAsync(IPage page, string suffix)
    {
        byte[] screenshot = await page.Locator("#stage").ScreenshotAsync();
        if (Environment.GetEnvironmentVariable("BLAZEFACE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            // To look at what the test saw: BLAZEFACE_SCREENSHOTS=FOLDER dotnet test --filter TestCategory=Browser.
            await File.WriteAllBytesAsync(Path.Combine(folder, TestContext.CurrentContext.Test.Name + suffix + ".png"), screenshot);
        }

        return screenshot;
    }
}
