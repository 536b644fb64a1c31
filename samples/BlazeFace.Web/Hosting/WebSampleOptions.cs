namespace BlazeFace.Web.Hosting;

/// <summary>
/// The server's limits, read from the configuration section <c>BlazeFace</c> (appsettings.json, environment variables
/// such as <c>BlazeFace__MaxConcurrentDetections=4</c>, or command-line arguments such as
/// <c>--BlazeFace:MaxRequestBytes=4000000</c>). Every limit has a default fit for a small public service.
/// </summary>
internal sealed class WebSampleOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string Section = "BlazeFace";

    /// <summary>
    /// Largest request body, and largest WebSocket frame message, in bytes. Default: 16 MiB, above a phone camera's
    /// JPEG. A larger upload is answered 413 before it is read past the limit.
    /// </summary>
    public int MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Largest image accepted, in pixels, checked against the image's header before any pixel memory is allocated
    /// (the decompression-bomb check). Default: 40,000,000 (a 40-megapixel photo, 160 MB decoded). Larger: 413.
    /// </summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>
    /// Images decoded and searched at once, across all requests and WebSockets; 0 means one per processor core.
    /// Default: 0. Decoding and detection are CPU-bound, so more than the cores only adds latency and memory.
    /// </summary>
    public int MaxConcurrentDetections { get; set; }

    /// <summary>
    /// Requests that may wait for a detection slot, first come first served; past them a request is answered 429 at
    /// once, before its body is read. Default: 16.
    /// </summary>
    public int MaxQueuedRequests { get; set; } = 16;

    /// <summary>Open tracking WebSockets; one more is answered 429 before the upgrade. Default: 32.</summary>
    public int MaxWebSockets { get; set; } = 32;

    /// <summary>
    /// Detectors kept for distinct (model, minScore) pairs, and as many face landmarkers for photos with
    /// <c>mesh=true</c>; a request for another pair gets one of its own, made and released with it. Default: 16.
    /// </summary>
    public int MaxCachedDetectors { get; set; } = 16;

    /// <summary>The detection slots in effect: <see cref="MaxConcurrentDetections"/>, or the processor count for 0.</summary>
    public int DetectionSlots => MaxConcurrentDetections > 0 ? MaxConcurrentDetections : Environment.ProcessorCount;

    /// <summary>Checks every limit at start-up, so a mistyped setting stops the app with one line instead of failing requests.</summary>
    /// <exception cref="InvalidOperationException">A limit is out of range; the message names the setting.</exception>
    public void Validate()
    {
        Require(MaxRequestBytes >= 1024, nameof(MaxRequestBytes), "at least 1024");
        Require(MaxPixels >= 1, nameof(MaxPixels), "at least 1");
        Require(MaxConcurrentDetections is >= 0 and <= 1024, nameof(MaxConcurrentDetections), "0 (one per core) to 1024");
        Require(MaxQueuedRequests is >= 0 and <= 100_000, nameof(MaxQueuedRequests), "0 to 100000");
        Require(MaxWebSockets is >= 0 and <= 100_000, nameof(MaxWebSockets), "0 to 100000");
        Require(MaxCachedDetectors is >= 0 and <= 1024, nameof(MaxCachedDetectors), "0 to 1024");
    }

    private static void Require(bool condition, string name, string range)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{Section}:{name} must be {range}.");
        }
    }
}
