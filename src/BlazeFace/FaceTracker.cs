using BlazeFace.Imaging;
using BlazeFace.Tracking;

namespace BlazeFace;

/// <summary>
/// Follows faces through the frames of one video stream: detects each frame with an <see cref="FaceDetector"/>,
/// gives every face a stable <see cref="TrackedFace.TrackId"/>, smooths its box and keypoints, and bridges frames
/// where the detector misses it.
/// </summary>
/// <remarks>
/// <para>
/// Each frame, every track's box is predicted to the frame's timestamp along its velocity and matched to the
/// detections by overlap (an optimal assignment on intersection over union); a matched track is corrected by a
/// One-Euro filter per coordinate, whose cut-off follows the face's speed, driven by the timestamps so that a
/// variable frame rate works. A detection that
/// matches no track starts a candidate track, reported once it has been detected in
/// <see cref="FaceTrackerOptions.MinHits"/> consecutive frames. A confirmed track that is not detected coasts on its
/// velocity for up to <see cref="FaceTrackerOptions.MaxMissedFrames"/> frames, then ends. Frames that never reach the
/// tracker count too: when the time since the previous frame is so long (measured in the interval between the two
/// frames before it) that more than <see cref="FaceTrackerOptions.MaxMissedFrames"/> frames are missing, every track
/// ends and the faces in the new frame start new tracks instead of being matched to boxes carried across the gap.
/// </para>
/// <para>
/// Thread safety: a tracker holds the state of one stream, so it is not thread-safe. Use one tracker per stream and
/// call it from one thread at a time (successive calls may come from different threads); overlapping calls throw
/// <see cref="InvalidOperationException"/>. The detector may be shared: a <see cref="FaceDetector"/> serves any number
/// of trackers on different threads at once. The tracker does not own the detector and does not dispose it.
/// </para>
/// </remarks>
public sealed class FaceTracker
{
    private readonly TrackTable _tracks;
    private readonly FaceDetection[] _detections;
    private readonly TrackedFace[] _results;
    private readonly StreamGuard _guard = new("FaceTracker is not thread-safe: it was called while another call on it was running. Use one tracker per stream.");
    private TimeSpan _lastTimestamp;

    /// <summary>Ticks between the last two frames given to Track, or 0 until there have been two; a double, since the ticks between any two timestamps may exceed a long.</summary>
    private double _frameIntervalTicks;
    private bool _started;

    /// <summary>Creates a tracker for one stream.</summary>
    /// <param name="detector">The detector to run on each frame; not owned (dispose it yourself, after the tracker's last use).</param>
    /// <param name="options">The configuration; null means all defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the exception's ParamName is the option's name (for example "MinCutoff").</exception>
    public FaceTracker(FaceDetector detector, FaceTrackerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(detector);
        options ??= new FaceTrackerOptions();
        FaceTrackerOptionsValidator.Validate(options);
        Detector = detector;
        Options = options;
        _tracks = new TrackTable(options);
        _detections = new FaceDetection[options.MaxTracks];
        _results = new TrackedFace[options.MaxTracks];
    }

    /// <summary>The detector run on each frame.</summary>
    public FaceDetector Detector { get; }

    /// <summary>The configuration in effect.</summary>
    public FaceTrackerOptions Options { get; }

    /// <summary>Detects the faces in the next frame and updates the tracks.</summary>
    /// <param name="frame">The frame's pixels.</param>
    /// <param name="timestamp">When the frame was captured (or its presentation time in a file); later than the previous frame's.</param>
    /// <param name="options">How to search the frame (rotation, a region of interest…), as for <see cref="FaceDetector.Detect(ImageView, ImageProcessingOptions)"/>; the default searches it upright, whole.</param>
    /// <returns>The confirmed tracks, coasting ones included, in <see cref="TrackedFace.TrackId"/> order; empty when there are none.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="timestamp"/> is not later than the previous frame's (ParamName "timestamp"); or it is so late
    /// that the duration of a track since its first frame cannot be represented as a <see cref="TimeSpan"/>
    /// (<see cref="ArgumentOutOfRangeException"/>, ParamName "timestamp"; only a stream starting near
    /// <see cref="TimeSpan.MinValue"/> gets there); or the frame is invalid for the detector. Whichever, the tracker
    /// is left as it was.
    /// </exception>
    /// <exception cref="InvalidOperationException">Another call on this tracker is running.</exception>
    /// <exception cref="ObjectDisposedException">The detector has been disposed.</exception>
    public IReadOnlyList<TrackedFace> Track(ImageView frame, TimeSpan timestamp, ImageProcessingOptions options = default)
    {
        int written = Track(frame, timestamp, _results, out _, options);
        return written == 0 ? [] : _results.AsSpan(0, written).ToArray();
    }

    /// <summary>Detects the faces in the next frame and updates the tracks, and reports how many tracks there are in all.</summary>
    /// <param name="frame">The frame's pixels.</param>
    /// <param name="timestamp">When the frame was captured; later than the previous frame's.</param>
    /// <param name="destination">Receives the confirmed tracks in <see cref="TrackedFace.TrackId"/> order, as many as fit.</param>
    /// <param name="tracked">How many confirmed tracks there are; more than the return value when <paramref name="destination"/> was too short (the newest were left out, and are still tracked).</param>
    /// <param name="options">How to search the frame, as for <see cref="Track(ImageView, TimeSpan, ImageProcessingOptions)"/>.</param>
    /// <returns>The number of tracks written.</returns>
    /// <inheritdoc cref="Track(ImageView, TimeSpan, ImageProcessingOptions)" path="/exception"/>
    public int Track(ImageView frame, TimeSpan timestamp, Span<TrackedFace> destination, out int tracked, ImageProcessingOptions options = default)
    {
        Enter(timestamp);
        try
        {
            int count = Detector.Detect(frame, _detections, out _, options);
            return Update(_detections.AsSpan(0, count), timestamp, destination, out tracked);
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>
    /// Advanced: updates the tracks from detections found by other means (another Detect overload, a region of
    /// interest, another engine) instead of running the detector.
    /// </summary>
    /// <param name="detections">The frame's detections, best first; only the first <see cref="FaceTrackerOptions.MaxTracks"/> are used. Any consistent coordinates work (the frame's pixels, normalised, …).</param>
    /// <param name="timestamp">When the frame was captured; later than the previous frame's.</param>
    /// <param name="destination">Receives the confirmed tracks in <see cref="TrackedFace.TrackId"/> order, as many as fit.</param>
    /// <param name="tracked">How many confirmed tracks there are, written or not.</param>
    /// <returns>The number of tracks written.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="timestamp"/> is not later than the previous frame's (ParamName "timestamp"); or it is so late
    /// that a track's duration cannot be represented (<see cref="ArgumentOutOfRangeException"/>, ParamName
    /// "timestamp"); or a detection holds a coordinate that is not finite (ParamName "detections"). Whichever, the
    /// tracker is left as it was.
    /// </exception>
    /// <exception cref="InvalidOperationException">Another call on this tracker is running.</exception>
    public int Track(ReadOnlySpan<FaceDetection> detections, TimeSpan timestamp, Span<TrackedFace> destination, out int tracked)
    {
        Enter(timestamp);
        try
        {
            CheckFinite(detections);
            return Update(detections, timestamp, destination, out tracked);
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>
    /// Reports where the confirmed tracks are expected at <paramref name="timestamp"/>, without detecting and without
    /// changing the tracker: for the frames between those given to Track when the detector runs on only every n-th
    /// frame, or to draw at a display's rate.
    /// </summary>
    /// <param name="timestamp">The time to predict for; not earlier than the last frame given to Track.</param>
    /// <param name="destination">Receives the confirmed tracks in <see cref="TrackedFace.TrackId"/> order, as many as fit (<see cref="FaceTrackerOptions.MaxTracks"/> always suffices).</param>
    /// <returns>
    /// The number of tracks written: each with its box and keypoints extrapolated along their velocity to
    /// <paramref name="timestamp"/>, <see cref="TrackedFace.Detection"/> null (nothing was detected), its
    /// <see cref="TrackedFace.Duration"/> up to <paramref name="timestamp"/> and the counters of the last tracked
    /// frame. None before the first frame.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="timestamp"/> is earlier than the last frame given to Track, or so late that a track's duration
    /// cannot be represented (<see cref="ArgumentOutOfRangeException"/>); ParamName "timestamp" either way.
    /// </exception>
    /// <exception cref="InvalidOperationException">Another call on this tracker is running.</exception>
    public int Predict(TimeSpan timestamp, Span<TrackedFace> destination)
    {
        _guard.Enter();

        try
        {
            if (_started && timestamp < _lastTimestamp)
            {
                throw new ArgumentException($"Cannot predict for {timestamp}, before the last tracked frame at {_lastTimestamp}.", nameof(timestamp));
            }

            if (!_tracks.DurationsFit(timestamp))
            {
                throw DurationOverflow(timestamp);
            }

            return _tracks.Predict(timestamp, destination, out _);
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>
    /// Returns the tracker to its newly created state, for a new stream: every track is forgotten, identities start
    /// again from 1, and any timestamp is accepted next.
    /// </summary>
    /// <exception cref="InvalidOperationException">A call on this tracker is running.</exception>
    public void Reset()
    {
        _guard.Enter();

        _tracks.Clear();
        _started = false;
        _lastTimestamp = TimeSpan.Zero;
        _frameIntervalTicks = 0;
        _guard.Exit();
    }

    private void Enter(TimeSpan timestamp)
    {
        _guard.Enter();

        if (_started && timestamp <= _lastTimestamp)
        {
            _guard.Exit();

            // Equal timestamps are refused too: the filters divide by the time between frames, and two frames
            // captured at the same instant cannot both be the next one.
            throw new ArgumentException(
                $"Frame timestamps must increase: {timestamp} does not come after the previous frame's {_lastTimestamp}. Call Reset() to start a new stream.",
                nameof(timestamp));
        }

        // Checked before anything changes, so that a refused frame leaves every track as it was.
        if (!_tracks.DurationsFit(timestamp))
        {
            _guard.Exit();
            throw DurationOverflow(timestamp);
        }
    }

    private int Update(ReadOnlySpan<FaceDetection> detections, TimeSpan timestamp, Span<TrackedFace> destination, out int tracked)
    {
        double elapsedTicks = _started ? (double)timestamp.Ticks - _lastTimestamp.Ticks : 0;
        int written = _tracks.Update(detections, timestamp, FramesMissing(elapsedTicks), destination, out tracked);
        _frameIntervalTicks = elapsedTicks;
        _lastTimestamp = timestamp;
        _started = true;
        return written;
    }

    /// <summary>
    /// The frames a gap of <paramref name="elapsedTicks"/> implies were never given to the tracker, judged by the
    /// interval between the two frames before it: 0 for a gap of about one interval, n for about n + 1 intervals.
    /// Rounding keeps the usual jitter of a frame's time from counting as a missing frame.
    /// </summary>
    private int FramesMissing(double elapsedTicks)
    {
        if (_frameIntervalTicks <= 0)
        {
            return 0;
        }

        double missing = Math.Round(elapsedTicks / _frameIntervalTicks) - 1;
        return missing <= 0 ? 0 : missing >= int.MaxValue ? int.MaxValue : (int)missing;
    }

    private static ArgumentOutOfRangeException DurationOverflow(TimeSpan timestamp) => new(
        nameof(timestamp),
        timestamp,
        $"A track seen since before {timestamp - TimeSpan.MaxValue} would last longer than TimeSpan.MaxValue at {timestamp}; the tracker is unchanged. Call Reset() to start a new stream.");

    private static void CheckFinite(ReadOnlySpan<FaceDetection> detections)
    {
        Span<float> keypoints = stackalloc float[2 * FaceKeypoints.Count];
        for (int i = 0; i < detections.Length; i++)
        {
            FaceBox box = detections[i].BoundingBox;
            detections[i].Keypoints.CopyTo(keypoints);
            bool finite = float.IsFinite(box.X) && float.IsFinite(box.Y) && float.IsFinite(box.Width) && float.IsFinite(box.Height)
                && float.IsFinite(detections[i].Score) && keypoints.IndexOfAnyExceptInRange(float.MinValue, float.MaxValue) < 0;
            if (!finite)
            {
                throw new ArgumentException($"Detection {i} holds a coordinate or score that is not finite: {detections[i]}.", nameof(detections));
            }
        }
    }

}
