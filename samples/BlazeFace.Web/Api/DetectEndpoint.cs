using System.Diagnostics;
using System.Globalization;
using BlazeFace.Cli.Output;
using BlazeFace.Web.Detection;
using BlazeFace.Web.Imaging;
using BlazeFace.Web.Requests;
using SkiaSharp;

namespace BlazeFace.Web.Api;

/// <summary>
/// <c>POST /api/detect?model=&amp;minScore=&amp;mesh=</c>: the faces in one uploaded image, as the JSON object
/// <c>blazeface detect --json</c> prints for one image (<c>"image"</c> is the form file's name, empty for a bare
/// body); with <c>mesh=true</c>, the object of <c>blazeface detect --json --mesh</c>, each face with its
/// <c>"presence"</c> and 468 <c>"landmarks"</c>. The time the server spent decoding, detecting and mapping is in the
/// <c>Server-Timing</c> header (<c>detect;dur=MILLISECONDS</c>).
/// </summary>
/// <remarks>
/// Order of the checks, cheapest first: the query (400); a detection slot (429 when the queue is full, before the
/// body is read); the body's size and type (413, 415); the image header (415, and 413 past the pixel limit, before
/// decoding); the decoding (400 for a damaged image). Decoding and detection run on <see cref="DetectionThreads"/>.
/// </remarks>
internal static class DetectEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, DetectionSlots slots, DetectionThreads threads, ImageUploadReader uploads, EncodedImageDecoder decoder, FaceAnalyzer analyzer)
    {
        CancellationToken cancellation = context.RequestAborted;
        if (DetectionQuery.Parse(context.Request.Query, out RequestProblem? problem) is not { } query)
        {
            return ProblemResponses.For(problem!, context);
        }

        using var slot = await slots.EnterAsync(cancellation);
        if (!slot.IsAcquired)
        {
            return ProblemResponses.For(RequestProblem.Busy("The server is busy; try again shortly."), context);
        }

        (ReadOnlyMemory<byte> encoded, string? fileName, problem) = await uploads.ReadAsync(context.Request, cancellation);
        if (problem is not null)
        {
            return ProblemResponses.For(problem, context);
        }

        (byte[]? json, double milliseconds, problem) = await threads.RunAsync(() => Detect(encoded, fileName, query, decoder, analyzer));
        if (json is null)
        {
            return ProblemResponses.For(problem!, context);
        }

        context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"detect;dur={milliseconds:0.###}");
        return Results.Bytes(json, "application/json");
    }

    /// <summary>The CPU-bound part: decodes, detects (and maps) and writes the JSON, timing all but the writing.</summary>
    private static (byte[]? Json, double Milliseconds, RequestProblem? Problem) Detect(
        ReadOnlyMemory<byte> encoded, string? fileName, DetectionQuery query, EncodedImageDecoder decoder, FaceAnalyzer analyzer)
    {
        long start = Stopwatch.GetTimestamp();
        using SKBitmap? image = decoder.Decode(encoded, out RequestProblem? problem);
        if (image is null)
        {
            return (null, 0, problem);
        }

        PhotoFaces faces = analyzer.Detect(image, query);
        double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        using var json = new MemoryStream();
        DetectionJsonWriter.Write(json, fileName ?? string.Empty, image.Width, image.Height, query.ModelName, faces.Faces, faces.Meshes);
        return (json.ToArray(), milliseconds, null);
    }
}
