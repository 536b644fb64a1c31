using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BlazeFace.Web.Tests.Support;

namespace BlazeFace.Web.Tests.Api;

/// <summary>
/// POST /api/detect gives, for an uploaded photo, the result <c>blazeface detect --json</c> prints for the same file,
/// and with mesh=true that of <c>blazeface detect --json --mesh</c>.
/// </summary>
public class DetectEndpointTests
{
    private WebSampleServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await WebSampleServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("astronaut.png", "short")]
    [TestCase("group_mosaic.png", "short")]
    [TestCase("group_mosaic.png", "full")]
    [TestCase("small_face_rocket.png", "full-sparse")]
    [TestCase("cameraman.png", "back")]
    [TestCase("no_face_coffee.png", "short")]
    public async Task A_photo_in_the_body_gets_the_result_blazeface_detect_prints_for_it(string photo, string model)
    {
        JsonElement expected = CliDetection.Result(Photos.Path(photo), "--model", model);
        using var content = new ByteArrayContent(Photos.Bytes(photo));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using HttpResponseMessage response = await _server.Client.PostAsync($"/api/detect?model={model}", content);

        JsonElement actual = await ResultOf(response);
        DetectionResults.AssertSame(expected, actual);
        Assert.That(actual.GetProperty("image").GetString(), Is.Empty, "a bare body has no file name");
    }

    [TestCase("astronaut.png", "short")]
    [TestCase("group_mosaic.png", "short")]
    [TestCase("group_mosaic.png", "full")]
    public async Task mesh_true_adds_each_face_s_presence_and_468_landmarks_as_blazeface_detect_mesh_prints_them(string photo, string model)
    {
        JsonElement expected = CliDetection.Result(Photos.Path(photo), "--model", model, "--mesh");

        using HttpResponseMessage response = await PostFormAsync($"/api/detect?model={model}&mesh=true", photo);

        JsonElement actual = await ResultOf(response);
        DetectionResults.AssertSame(expected, actual);
        JsonElement[] faces = [.. actual.GetProperty("faces").EnumerateArray()];
        Assert.That(faces, Is.Not.Empty);
        Assert.That(faces.Select(face => face.GetProperty("presence").GetSingle()), Has.All.GreaterThan(0.5f), "every face of these photos is one the landmark model accepts");
        Assert.That(faces.Select(face => face.GetProperty("landmarks").GetArrayLength()), Has.All.EqualTo(468));
    }

    [Test]
    public async Task With_mesh_a_face_the_landmark_model_rejects_keeps_its_detection_and_has_no_landmarks()
    {
        // With a threshold this low the detector reports the coffee photo's weak candidates, none of them a face.
        JsonElement expected = CliDetection.Result(Photos.Path("no_face_coffee.png"), "--min-score", "0.05", "--mesh");

        using HttpResponseMessage response = await PostFormAsync("/api/detect?minScore=0.05&mesh=true", "no_face_coffee.png");

        JsonElement actual = await ResultOf(response);
        DetectionResults.AssertSame(expected, actual);
        JsonElement[] faces = [.. actual.GetProperty("faces").EnumerateArray()];
        Assert.That(faces, Is.Not.Empty, "weak detections");
        Assert.That(faces.Select(face => face.EnumerateObject().Select(property => property.Name).ToArray()), Has.All.EqualTo(new[] { "score", "box", "roll", "keypoints", "presence" }));
        Assert.That(faces.Select(face => face.GetProperty("presence").GetSingle()), Has.All.LessThanOrEqualTo(0.5f));
    }

    [Test]
    public async Task A_photo_as_a_form_file_gets_the_same_result_named_after_the_file()
    {
        JsonElement expected = CliDetection.Result(Photos.Path("grace_hopper.png"));

        using HttpResponseMessage response = await PostFormAsync("/api/detect", "grace_hopper.png");

        JsonElement actual = await ResultOf(response);
        DetectionResults.AssertSame(expected, actual);
        Assert.That(actual.GetProperty("image").GetString(), Is.EqualTo("grace_hopper.png"));
        Assert.That(actual.GetProperty("faces").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task minScore_sets_the_threshold_as_the_cli_s_min_score_does()
    {
        JsonElement expected = CliDetection.Result(Photos.Path("group_mosaic.png"), "--min-score", "0.9");
        JsonElement lenient = CliDetection.Result(Photos.Path("group_mosaic.png"), "--min-score", "0.3");
        Assert.That(expected.GetProperty("faces").GetArrayLength(), Is.LessThan(lenient.GetProperty("faces").GetArrayLength()), "the photo tells the thresholds apart");

        using HttpResponseMessage strict = await PostFormAsync("/api/detect?minScore=0.9", "group_mosaic.png");
        using HttpResponseMessage loose = await PostFormAsync("/api/detect?minScore=0.3", "group_mosaic.png");

        DetectionResults.AssertSame(expected, await ResultOf(strict));
        DetectionResults.AssertSame(lenient, await ResultOf(loose));
    }

    [Test]
    public async Task The_server_s_time_per_image_is_in_the_Server_Timing_header()
    {
        using HttpResponseMessage response = await PostFormAsync("/api/detect", "astronaut.png");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        string timing = response.Headers.GetValues("Server-Timing").Single();
        Assert.That(timing, Does.Match(@"^detect;dur=\d+(\.\d+)?$"));
        Assert.That(double.Parse(timing["detect;dur=".Length..], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
    }

    [Test]
    public async Task healthz_answers_Healthy()
    {
        using HttpResponseMessage response = await _server.Client.GetAsync("/healthz");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task features_lists_the_models_the_model_parameter_takes_and_offers_the_mesh()
    {
        using HttpResponseMessage response = await _server.Client.GetAsync("/api/features");

        using JsonDocument features = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(features.RootElement.GetProperty("models").EnumerateArray().Select(model => model.GetString()), Is.EqualTo(new[] { "short", "full", "full-sparse", "back" }));
        Assert.That(features.RootElement.GetProperty("mesh").GetBoolean(), Is.True);
    }

    [Test]
    public async Task The_page_is_served_with_a_policy_that_keeps_it_to_its_own_origin()
    {
        using HttpResponseMessage response = await _server.Client.GetAsync("/");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("<canvas id=\"overlay\">"));
        Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'self'"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, string photo)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Photos.Bytes(photo));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "image", photo);
        return await _server.Client.PostAsync(path, form);
    }

    private static async Task<JsonElement> ResultOf(HttpResponseMessage response)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        using JsonDocument json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }
}
