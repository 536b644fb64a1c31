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

    /// <summary>
    /// The slowest nominal rate a clock takes: one frame a day. A slower rate gives nothing a tracker can follow, and
    /// an interval that size would use up TimeSpan's range within a few frames (a rate of 1e-300 gave an interval of
    /// TimeSpan.MaxValue, so the third frame overflowed).
    /// </summary>
    private const double MinFramesPerSecond = 1.0 / 86_400;

    /// <summary>Creates a clock for a stream with the given nominal frame rate.</summary>
    /// <param name="framesPerSecond">The nominal rate, used where a frame's reported time is missing or does not move forward; finite, and at least one frame a day (1/86,400).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="framesPerSecond"/> is not finite or is below one frame a day.</exception>
    public FrameClock(double framesPerSecond)
    {
        if (!(framesPerSecond >= MinFramesPerSecond && double.IsFinite(framesPerSecond)))
        {
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "The frame rate must be a finite number of frames per second, at least one frame a day (1/86,400).");
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
    /// <exception cref="InvalidOperationException">
    /// The reported time is missing or does not come after the previous frame's, and the previous frame's is within
    /// one <see cref="FrameInterval"/> of <see cref="TimeSpan.MaxValue"/>, so no later timestamp exists. The clock is
    /// left as it was: a later reported time is still accepted, and <see cref="Reset"/> starts a new stream.
    /// </exception>
    public TimeSpan Next(TimeSpan? reported = null)
    {
        TimeSpan next;
        if (reported is TimeSpan time && (!_started || time > _previous))
        {
            next = time;
        }
        else if (!_started)
        {
            next = TimeSpan.Zero;
        }
        else if (_previous > TimeSpan.MaxValue - FrameInterval)
        {
            throw new InvalidOperationException(
                $"No timestamp one frame interval ({FrameInterval}) after the previous frame's ({_previous}) can be represented; the clock is unchanged. Call Reset() to start a new stream.");
        }
        else
        {
            next = _previous + FrameInterval;
        }

        _previous = next;
        _started = true;
        return next;
    }

    /// <summary>Starts again, for a new stream: the next frame is treated as the first.</summary>
    public void Reset() => _started = false;
}
