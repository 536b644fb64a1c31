namespace BlazeFace.Web.Tracking;

/// <summary>One webcam frame as the page sent it over the WebSocket.</summary>
/// <param name="Index">The frame's 0-based position among the messages the connection received, dropped ones included.</param>
/// <param name="TimestampMilliseconds">When the page captured it, in milliseconds on the page's own clock.</param>
/// <param name="Encoded">The encoded image (JPEG, PNG or WebP).</param>
internal sealed record TrackingFrame(int Index, double TimestampMilliseconds, ReadOnlyMemory<byte> Encoded);
