namespace BlazeFace.Cli.Commands;

/// <summary>What one <c>video</c> command line asks for, parsed and validated.</summary>
/// <param name="Input">A video file or a folder of frames.</param>
/// <param name="Model">The --model argument as given.</param>
/// <param name="MinScore">The score threshold, or null for the model's default.</param>
/// <param name="Json">One JSON line per frame instead of a readable line.</param>
/// <param name="Out">The annotated .avi or .mp4 to write, or null for none.</param>
/// <param name="Every">Detect on every Every-th frame (0, N, 2N, ...) and predict the frames between.</param>
/// <param name="FramesPerSecond">The frame rate of a folder of frames, or of a video whose file gives none.</param>
/// <param name="DecodeOnly">Read and decode the frames and nothing else, to measure the decoder alone.</param>
/// <param name="AllowPartialImages">Read truncated frame files as far as their data goes instead of stopping at them.</param>
/// <param name="Mesh">Follow the faces with the 468-point face mesh (<see cref="FaceLandmarker"/>) instead of <see cref="FaceTracker"/>.</param>
/// <param name="MaxFaces">With <paramref name="Mesh"/>, the most faces followed at once.</param>
internal sealed record VideoSettings(
    string Input,
    string Model,
    float? MinScore,
    bool Json,
    string? Out,
    int Every,
    double FramesPerSecond,
    bool DecodeOnly,
    bool AllowPartialImages,
    bool Mesh = false,
    int MaxFaces = 1)
{
    /// <summary>The slowest frame rate taken (--fps, or a file's own): one frame in 1,000 s, well above <see cref="FrameClock"/>'s one a day.</summary>
    public const double MinFramesPerSecond = 0.001;

    /// <summary>The fastest frame rate taken: a microsecond a frame, beyond any camera.</summary>
    public const double MaxFramesPerSecond = 1_000_000;

    /// <summary>The most faces --max-faces takes: the landmarker's own limit.</summary>
    public const int MaxMeshFaces = 1024;
}
