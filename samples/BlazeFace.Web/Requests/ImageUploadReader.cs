using BlazeFace.Web.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace BlazeFace.Web.Requests;

/// <summary>
/// Reads the image of a <c>POST /api/detect</c> into memory, never to disk: the body itself (<c>image/*</c> or
/// <c>application/octet-stream</c>) or the first file of a <c>multipart/form-data</c> form, at most
/// <see cref="WebSampleOptions.MaxRequestBytes"/> bytes (413 past them, refused from Content-Length when it is given).
/// Any other content type is a 415.
/// </summary>
/// <remarks>
/// ASP.NET Core's form reader buffers a large file to a temporary file, so the multipart body is read section by
/// section here instead.
/// </remarks>
internal sealed class ImageUploadReader(IOptions<WebSampleOptions> options)
{
    private readonly int _limit = options.Value.MaxRequestBytes;

    /// <summary>The uploaded file's bytes and name (null for a bare body), or null and the problem.</summary>
    public async Task<(ReadOnlyMemory<byte> Image, string? FileName, RequestProblem? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength > _limit)
        {
            return (default, null, TooLarge());
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out MediaTypeHeaderValue? type))
        {
            return (default, null, RequestProblem.UnsupportedMediaType("Send the image as the body (Content-Type image/* or application/octet-stream) or as a file in a multipart/form-data form."));
        }

        try
        {
            if (type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            {
                return await ReadFormFileAsync(request, type, cancellation);
            }

            if (type.Type.Equals("image", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            {
                byte[]? body = await ReadBoundedAsync(request.Body, cancellation);
                return body is null ? (default, null, TooLarge()) : (body, null, null);
            }
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits and malformed framing (a body shorter than its Content-Length).
            return (default, null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge() : RequestProblem.BadRequest("The request body could not be read."));
        }
        catch (InvalidDataException)
        {
            // The multipart reader's verdict on a malformed form.
            return (default, null, RequestProblem.BadRequest("The multipart/form-data body is malformed."));
        }

        return (default, null, RequestProblem.UnsupportedMediaType($"Content-Type {CallerText.Quote(type.MediaType.Value)} is not accepted; send image/*, application/octet-stream or multipart/form-data."));
    }

    private async Task<(ReadOnlyMemory<byte>, string?, RequestProblem?)> ReadFormFileAsync(HttpRequest request, MediaTypeHeaderValue type, CancellationToken cancellation)
    {
        string? boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            return (default, null, RequestProblem.BadRequest("The multipart/form-data Content-Type lacks a valid boundary."));
        }

        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = _limit };
        while (await reader.ReadNextSectionAsync(cancellation) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition)
                && disposition.IsFileDisposition())
            {
                byte[]? file = await ReadBoundedAsync(section.Body, cancellation);
                string name = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileName.HasValue ? disposition.FileName : disposition.FileNameStar).Value ?? string.Empty);
                return file is null ? (default, null, TooLarge()) : (file, name, null);
            }
        }

        return (default, null, RequestProblem.BadRequest("The multipart/form-data body holds no file."));
    }

    /// <summary>The stream's bytes, or null once they pass the limit (reading stops there).</summary>
    private async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > _limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private RequestProblem TooLarge() => RequestProblem.TooLarge($"The upload is larger than the {_limit:N0}-byte limit.");
}
