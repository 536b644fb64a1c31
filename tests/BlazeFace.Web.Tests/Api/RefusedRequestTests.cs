using System.Net;
using System.Net.Http.Headers;
using BlazeFace.Tests.ImageFixtures;
using BlazeFace.Web.Tests.Support;

namespace BlazeFace.Web.Tests.Api;

/// <summary>
/// Every request the server will not serve is answered with its 4xx status and one line of problem details naming
/// the problem, never an exception's text; uploads are limited in bytes (413) before they are read past the limit
/// and in pixels (413) before they are decoded.
/// </summary>
public class RefusedRequestTests
{
    private const int MaxRequestBytes = 300_000;
    private const long MaxPixels = 1_000_000;

    private WebSampleServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await WebSampleServer.StartAsync($"MaxRequestBytes={MaxRequestBytes}", $"MaxPixels={MaxPixels}");

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase("model=huge", "model must be one of short, full, full-sparse, back; got 'huge'.")]
    [TestCase("minScore=2", "minScore must be a number from 0 to 1; got '2'.")]
    [TestCase("minScore=NaN", "minScore must be a number from 0 to 1; got 'NaN'.")]
    [TestCase("minScore=0,5", "minScore must be a number from 0 to 1; got '0,5'.")]
    [TestCase("mesh=maybe", "mesh must be true or false; got 'maybe'.")]
    [TestCase("model=short&model=full", "model is given 2 times; give it once.")]
    [TestCase("scale=2", "Unknown query parameter 'scale'; the parameters are model, minScore and mesh.")]
    [TestCase("model=%0Aevil", "model must be one of short, full, full-sparse, back; got '?evil'.")]
    public async Task A_bad_query_is_a_400_naming_the_parameter(string query, string detail)
    {
        using HttpResponseMessage response = await PostAsync($"/api/detect?{query}", Photos.Bytes("cameraman.png"), "image/png");

        Assert.That(await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest), Is.EqualTo(detail));
    }

    [TestCase("text/plain")]
    [TestCase("application/json")]
    [TestCase("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_an_image_type_is_a_415(string contentType)
    {
        using HttpResponseMessage response = await PostAsync("/api/detect", "{}"u8.ToArray(), contentType);

        Assert.That(await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType), Does.Contain(contentType));
    }

    [Test]
    public async Task A_body_without_a_content_type_is_a_415()
    {
        using HttpResponseMessage response = await PostAsync("/api/detect", Photos.Bytes("cameraman.png"), contentType: null);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task Bytes_no_decoder_reads_are_a_415_even_when_labelled_an_image()
    {
        using HttpResponseMessage response = await PostAsync("/api/detect", "%PDF-1.7 this is not an image"u8.ToArray(), "image/png");

        Assert.That(await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType), Does.StartWith("The upload is not an image the server reads"));
    }

    [Test]
    public async Task A_truncated_image_is_a_400()
    {
        byte[] photo = Photos.Bytes("cameraman.png");

        using HttpResponseMessage response = await PostAsync("/api/detect", photo[..(photo.Length / 2)], "image/png");

        Assert.That(await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest), Is.EqualTo("The image is damaged or truncated."));
    }

    [Test]
    public async Task An_empty_body_is_a_400()
    {
        using HttpResponseMessage response = await PostAsync("/api/detect", [], "image/png");

        Assert.That(await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest), Is.EqualTo("The request holds no image."));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_body_over_the_byte_limit_is_a_413_with_or_without_a_content_length(bool announced)
    {
        byte[] photo = Photos.Bytes("astronaut.png");
        Assert.That(photo, Has.Length.GreaterThan(MaxRequestBytes));
        using var content = new StreamContent(new MemoryStream(photo));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        if (announced)
        {
            content.Headers.ContentLength = photo.Length;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/detect") { Content = content };
        request.Headers.TransferEncodingChunked = !announced;
        request.Headers.ExpectContinue = announced; // refused from its length alone: see the form's case below
        using HttpResponseMessage response = await _server.Client.SendAsync(request);

        Assert.That(await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge), Is.EqualTo("The upload is larger than the 300,000-byte limit."));
    }

    /// <remarks>
    /// The form announces its length, which is past the limit, so the server answers before reading it. A client that
    /// sends the body regardless may find the connection closed under it once the 413 is out (Kestrel does not read a
    /// body past its size limit), so this one asks with <c>Expect: 100-continue</c>, as browsers and curl do for large
    /// uploads, and gets the 413 without sending the body.
    /// </remarks>
    [Test]
    public async Task A_form_file_over_the_byte_limit_is_a_413()
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Photos.Bytes("astronaut.png")), "image", "astronaut.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/detect") { Content = form };
        request.Headers.ExpectContinue = true;

        using HttpResponseMessage response = await _server.Client.SendAsync(request);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [TestCase("formats/png-palette.png", 100_000u, 100_000u)]
    [TestCase("formats/jpeg-progressive.jpg", 60_000u, 60_000u)]
    [TestCase("formats/webp-lossy.webp", 16_000u, 16_000u)]
    [TestCase("formats/jpeg-baseline.jpg", 1_001u, 1_000u)]
    public async Task A_header_announcing_more_pixels_than_the_limit_is_a_413_before_decoding(string fixture, uint width, uint height)
    {
        byte[] bomb = ImageHeaders.WithSize(File.ReadAllBytes(Fixture(fixture)), width, height)
            ?? throw new InvalidOperationException($"{fixture} has no size header to rewrite");

        using HttpResponseMessage response = await PostAsync("/api/detect", bomb, "application/octet-stream");

        Assert.That(await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge),
            Is.EqualTo($"The image is {width}x{height}, more than the 1,000,000-pixel limit."));
    }

    [Test]
    public async Task A_form_without_a_file_is_a_400()
    {
        using var form = new MultipartFormDataContent { { new StringContent("hello"), "note" } };

        using HttpResponseMessage response = await _server.Client.PostAsync("/api/detect", form);

        Assert.That(await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest), Is.EqualTo("The multipart/form-data body holds no file."));
    }

    [Test]
    public async Task A_get_on_the_detect_endpoint_is_a_405_problem()
    {
        using HttpResponseMessage response = await _server.Client.GetAsync("/api/detect");

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Test]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using HttpResponseMessage response = await _server.Client.GetAsync("/api/nothing");

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task A_plain_request_to_the_tracking_socket_is_a_400()
    {
        using HttpResponseMessage response = await _server.Client.GetAsync("/api/track");

        Assert.That(await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest), Does.Contain("WebSocket"));
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body, string? contentType)
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await _server.Client.PostAsync(path, content);
    }

    private static string Fixture(string relative) => Path.Combine(TestContext.CurrentContext.TestDirectory, "ImageFixtures", relative);
}
