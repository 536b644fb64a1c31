using OpenCvSharp;

namespace BlazeFace.Cli.Video;

/// <summary>The frames of the video command's input, in order, as 8-bit BGR Mats.</summary>
internal interface IFrameSource : IDisposable
{
    /// <summary>The nominal frame rate the input announces, or null when it gives none (a folder, some containers).</summary>
    double? FramesPerSecond { get; }

    /// <summary>How many frames the input announces, or null when it does not say.</summary>
    int? FrameCount { get; }

    /// <summary>Reads the next frame.</summary>
    /// <param name="frame">Receives the frame as CV_8UC3 BGR; reallocated by the source when its size changes.</param>
    /// <param name="reported">The frame's time as the input reports it, or null when it reports none.</param>
    /// <returns>False at the end of the input.</returns>
    /// <exception cref="InvalidDataException">The frame cannot be read: the input is truncated or damaged there. The message names the frame.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">A file cannot be opened.</exception>
    bool TryRead(Mat frame, out TimeSpan? reported);
}
