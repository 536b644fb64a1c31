namespace BlazeFace.Cli.Imaging.Jpeg;

/// <summary>
/// Creates the exception that reports malformed, truncated or unsupported JPEG data: an
/// <see cref="InvalidDataException"/> whose message starts with "JPEG: ", the convention of
/// <see cref="ImageDecoder"/> for every format.
/// </summary>
internal static class JpegFormatError
{
    public static InvalidDataException Create(string message) => new("JPEG: " + message);
}
