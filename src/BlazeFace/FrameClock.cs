namespace BlazeFace;

/// <summary>
/// Gives each frame of a video the strictly increasing timestamp <see cref="FaceTracker"/> needs, from the times the
/// video source reports and its nominal frame rate. Containers and capture APIs sometimes report no time, the same
/// time twice, or a time that goes back (a timestamp that resets, a variable-rate file read by a decoder that only
/// knows the nominal rate); the clock keeps every reported time that moves forward and, in place of any other, steps
/// one nominal frame interval on from the previous frame.
/// </summary>
/// <remarks>One clock per stream, like the tracker; not thread-safe.</remarks>
public sealed class FrameClock
{
    private TimeSpan _previous;
    private bool _started;

    /// <summary>Creates a clock for a stream with the given nominal frame rate.</summary>
    /// <param name="framesPerSecond">The nominal rate, used where a frame's reported time is missing or does not move forward; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="framesPerSecond"/> is not a positive, finite number.</exception>
    public FrameClock(double framesPerSecond)
    {
        if (!(framesPerSecond > 0 && double.IsFinite(framesPerSecond)))
        {
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "The frame rate must be a positive, finite number of frames per second.");
        }

        FramesPerSecond = framesPerSecond;

        // At least one tick, so that even an absurd rate keeps the timestamps strictly increasing.
        FrameInterval = TimeSpan.FromTicks(Math.Max(1L, (long)Math.Round(TimeSpan.TicksPerSecond / framesPerSecond)));
    }

    /// <summary>The nominal frame rate.</summary>
    public double FramesPerSecond { get; }

    /// <summary>One nominal frame interval.</summary>
    public TimeSpan FrameInterval { get; }

    /// <summary>The timestamp of the next frame.</summary>
    /// <param name="reported">The time the source reports for the frame, or null when it reports none.</param>
    /// <returns>
    /// <paramref name="reported"/> when it comes after the previous frame's timestamp (or this is the first frame);
    /// otherwise the previous timestamp plus <see cref="FrameInterval"/>. The first frame without a reported time is at zero.
    /// </returns>
    public TimeSpan Next(TimeSpan? reported = null)
    {
        TimeSpan next = reported is TimeSpan time && (!_started || time > _previous)
            ? time
            : _started ? _previous + FrameInterval : TimeSpan.Zero;
        _previous = next;
        _started = true;
        return next;
    }

    /// <summary>Starts again, for a new stream: the next frame is treated as the first.</summary>
    public void Reset() => _started = false;
}
