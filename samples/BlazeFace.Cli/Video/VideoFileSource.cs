using BlazeFace.Cli.Commands;
using OpenCvSharp;

namespace BlazeFace.Cli.Video;

/// <summary>
/// A video file read by OpenCV's <see cref="VideoCapture"/> through its FFmpeg backend (AVI, MP4, MKV, ...: whatever
/// FFmpeg demuxes and decodes). A file that ends before the frame count its container announces is reported as
/// truncated once the frames before the damage have been read.
/// </summary>
internal sealed class VideoFileSource : IFrameSource
{
    /// <summary>
    /// Reported times beyond this are taken as missing: the stream's clock then still has thousands of years of
    /// frames before TimeSpan runs out (a damaged container can report anything).
    /// </summary>
    private static readonly double s_latestMilliseconds = TimeSpan.MaxValue.TotalMilliseconds / 2;

    private readonly VideoCapture _capture;
    private int _framesRead;

    private VideoFileSource(VideoCapture capture)
    {
        _capture = capture;
        double fps = capture.Fps;
        FramesPerSecond = fps is >= VideoSettings.MinFramesPerSecond and <= VideoSettings.MaxFramesPerSecond ? fps : null;
        int count = capture.FrameCount;
        FrameCount = count > 0 ? count : null;
    }

    public double? FramesPerSecond { get; }

    /// <remarks>From the container's header; where the container has no count FFmpeg estimates it from the duration.</remarks>
    public int? FrameCount { get; }

    /// <summary>Opens a video file.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a video FFmpeg can open.</exception>
    public static VideoFileSource Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("no such file", path);
        }

        // FFmpeg only: OpenCV's other backends would be tried in turn on a file FFmpeg refuses, and its built-in
        // MJPEG reader prints its complaints straight to stderr.
        var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new InvalidDataException("cannot be opened as a video (OpenCV's FFmpeg backend finds none: not a video, or damaged or truncated)");
        }

        return new VideoFileSource(capture);
    }

    public bool TryRead(Mat frame, out TimeSpan? reported)
    {
        reported = null;
        bool read;
        try
        {
            read = _capture.Read(frame) && !frame.Empty();
        }
        catch (OpenCvSharpException e)
        {
            throw Damaged(e.Message.ReplaceLineEndings(" "));
        }

        if (!read)
        {
            if (_framesRead == 0)
            {
                throw new InvalidDataException("no frame could be read: the file is damaged or holds no video");
            }

            if (FrameCount is int announced && _framesRead < announced)
            {
                throw Damaged($"the file announces {announced} frames; truncated or damaged");
            }

            return false;
        }

        // The time of the frame just decoded; 0 or a repeat where the container does not know, which FrameClock absorbs.
        double milliseconds = _capture.PosMsec;
        reported = milliseconds >= 0 && milliseconds <= s_latestMilliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null;
        _framesRead++;
        return true;
    }

    public void Dispose() => _capture.Dispose();

    private InvalidDataException Damaged(string why) => new($"frame {_framesRead} cannot be read ({why})");
}
