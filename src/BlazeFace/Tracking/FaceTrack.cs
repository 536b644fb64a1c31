namespace BlazeFace.Tracking;

/// <summary>
/// One track: its identity, counters and timestamps, and the filter that smooths and extrapolates its face.
/// Created once in the tracker's pool and reused by later tracks.
/// </summary>
internal sealed class FaceTrack
{
    private readonly FaceMotionFilter _motion = new();
    private TimeSpan _firstSeen;
    private TimeSpan _lastUpdate;
    private FaceDetection _latest;

    public long Id { get; private set; }

    public int Hits { get; private set; }

    public int MissedFrames { get; private set; }

    public int Age { get; private set; }

    public bool IsConfirmed { get; private set; }

    /// <summary>The timestamp of the track's first detection, from which its duration is counted.</summary>
    public TimeSpan FirstSeen => _firstSeen;

    /// <summary>Starts the track from its first detection.</summary>
    public void Start(long id, in FaceDetection detection, TimeSpan timestamp, int minHits)
    {
        Id = id;
        Hits = 1;
        MissedFrames = 0;
        Age = 1;
        IsConfirmed = minHits <= 1;
        _firstSeen = timestamp;
        _lastUpdate = timestamp;
        _latest = detection;
        _motion.Start(detection);
    }

    /// <summary>The box expected at <paramref name="timestamp"/>, extrapolated along the filtered velocity.</summary>
    public FaceBox PredictBox(TimeSpan timestamp) => _motion.PredictBox(Seconds(timestamp - _lastUpdate));

    /// <summary>Takes this frame's matched detection.</summary>
    public void Correct(in FaceDetection detection, TimeSpan timestamp, in OneEuroSettings settings, int minHits)
    {
        _motion.Correct(detection, Seconds(timestamp - _lastUpdate), settings);
        _lastUpdate = timestamp;
        _latest = detection;
        Hits++;
        Age++;
        MissedFrames = 0;
        IsConfirmed |= Hits >= minHits;
    }

    /// <summary>Moves a confirmed track along its velocity through a frame with no detection for it.</summary>
    public void Coast(TimeSpan timestamp)
    {
        _motion.Advance(Seconds(timestamp - _lastUpdate));
        _lastUpdate = timestamp;
        Age++;
        MissedFrames++;
    }

    /// <summary>The track as reported for the frame it was last corrected or coasted to.</summary>
    public TrackedFace ToTrackedFace() => new(
        Id,
        _motion.PredictBox(0f),
        _motion.PredictKeypoints(0f),
        _latest.Score,
        MissedFrames == 0 ? _latest : null,
        Age,
        _lastUpdate - _firstSeen,
        Hits,
        MissedFrames);

    /// <summary>
    /// The track extrapolated to <paramref name="timestamp"/> (not before its last update) without changing it: no
    /// detection, and the counters of its last frame.
    /// </summary>
    public TrackedFace Predict(TimeSpan timestamp)
    {
        float ahead = Seconds(timestamp - _lastUpdate);
        return new TrackedFace(
            Id,
            _motion.PredictBox(ahead),
            _motion.PredictKeypoints(ahead),
            _latest.Score,
            null,
            Age,
            timestamp - _firstSeen,
            Hits,
            MissedFrames);
    }

    private static float Seconds(TimeSpan elapsed) => (float)elapsed.TotalSeconds;
}
