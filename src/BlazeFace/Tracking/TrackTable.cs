namespace BlazeFace.Tracking;

/// <summary>
/// The live tracks of one stream and the per-frame step that updates them from a frame's detections: predict every
/// track to the frame's time, match tracks to detections, correct, coast or drop each track, start tracks for the
/// detections left over, and list the confirmed ones. Every buffer is sized once for <see cref="FaceTrackerOptions.MaxTracks"/>.
/// </summary>
/// <remarks>
/// <para>
/// Matching is an optimal assignment (<see cref="HungarianAssignment"/>) on the cost 1 - IoU between each track's
/// predicted box and each detection, over the pairs that overlap at least <see cref="FaceTrackerOptions.MinIou"/>:
/// the most pairs possible, then the largest total overlap among them. A greedy match (best overlap first) agrees
/// with it whenever each detection overlaps one track, which non-maximum suppression makes the usual case; it
/// differs when faces meet, where one greedy choice can leave another track and detection unmatched that the
/// optimal assignment pairs, which is when identity switches start. With a few dozen tracks at most, the O(n³)
/// solve costs microseconds against the detector's half millisecond.
/// </para>
/// <para>
/// Tracks are kept in birth order, which is also <see cref="FaceTrack.Id"/> order, so the output is stable from frame
/// to frame.
/// </para>
/// </remarks>
internal sealed class TrackTable
{
    /// <summary>A pair cost no allowed pair reaches: allowed costs are below 1 and at most MaxTracks pairs are summed.</summary>
    private readonly float _forbidden;

    private readonly FaceTrackerOptions _options;
    private readonly OneEuroSettings _smoothing;
    private readonly FaceTrack[] _live;
    private readonly Stack<FaceTrack> _free;
    private readonly FaceBox[] _predicted;
    private readonly float[] _costs;
    private readonly int[] _trackToDetection;
    private readonly bool[] _detectionTaken;
    private readonly HungarianAssignment _assignment;
    private int _liveCount;
    private long _nextId = 1;

    public TrackTable(FaceTrackerOptions options)
    {
        _options = options;
        _smoothing = new OneEuroSettings(options.MinCutoff, options.Beta, options.DerivativeCutoff);
        int capacity = options.MaxTracks;
        _forbidden = capacity + 1f;
        _live = new FaceTrack[capacity];
        _free = new Stack<FaceTrack>(capacity);
        for (int i = 0; i < capacity; i++)
        {
            _free.Push(new FaceTrack());
        }

        _predicted = new FaceBox[capacity];
        _costs = new float[capacity * capacity];
        _trackToDetection = new int[capacity];
        _detectionTaken = new bool[capacity];
        _assignment = new HungarianAssignment(capacity);
    }

    /// <summary>The most tracks alive at once, and the most detections one frame can use.</summary>
    public int Capacity => _live.Length;

    /// <summary>Updates the tracks from one frame's detections and writes the confirmed ones.</summary>
    /// <param name="detections">This frame's detections, best first; only the first <see cref="Capacity"/> are used.</param>
    /// <param name="timestamp">The frame's time, later than the previous frame's, with every track's duration representable (the caller checks).</param>
    /// <param name="framesMissing">How many frames the gap since the previous frame implies were never given to the tracker; 0 for the usual one interval.</param>
    /// <param name="destination">Receives the confirmed tracks in <see cref="TrackedFace.TrackId"/> order.</param>
    /// <param name="confirmed">How many confirmed tracks there are, written or not.</param>
    /// <returns>The number written.</returns>
    public int Update(ReadOnlySpan<FaceDetection> detections, TimeSpan timestamp, int framesMissing, Span<TrackedFace> destination, out int confirmed)
    {
        detections = detections[..Math.Min(detections.Length, Capacity)];
        EndTracksLostInGap(framesMissing);
        Match(detections, timestamp);
        UpdateMatchedAndMissed(detections, timestamp);
        StartTracks(detections, timestamp);
        return WriteConfirmed(destination, predictTo: null, out confirmed);
    }

    /// <summary>Writes the confirmed tracks extrapolated to <paramref name="timestamp"/>, changing nothing.</summary>
    public int Predict(TimeSpan timestamp, Span<TrackedFace> destination, out int confirmed)
        => WriteConfirmed(destination, timestamp, out confirmed);

    /// <summary>
    /// Whether every live track's duration (and time since its last update) stays representable at
    /// <paramref name="timestamp"/>: a stream that starts near <see cref="TimeSpan.MinValue"/> cannot run past
    /// <see cref="TimeSpan.MaxValue"/> ticks later.
    /// </summary>
    public bool DurationsFit(TimeSpan timestamp)
    {
        for (int t = 0; t < _liveCount; t++)
        {
            // The first detection is the track's earliest time, so its difference is the largest one computed.
            if ((Int128)timestamp.Ticks - _live[t].FirstSeen.Ticks > long.MaxValue)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Forgets every track; identities start again from 1.</summary>
    public void Clear()
    {
        for (int i = 0; i < _liveCount; i++)
        {
            _free.Push(_live[i]);
            _live[i] = null!;
        }

        _liveCount = 0;
        _nextId = 1;
    }

    /// <summary>
    /// Ends the tracks that could not have coasted through the frames a gap implies: carried along their velocity
    /// across a long gap (a paused stream, a day between two files) they would land anywhere, and a detection there
    /// is better a new face than a far-fetched match.
    /// </summary>
    private void EndTracksLostInGap(int framesMissing)
    {
        if (framesMissing == 0)
        {
            return;
        }

        int kept = 0;
        for (int t = 0; t < _liveCount; t++)
        {
            FaceTrack track = _live[t];
            if ((long)track.MissedFrames + framesMissing > _options.MaxMissedFrames)
            {
                _free.Push(track);
                continue;
            }

            _live[kept++] = track;
        }

        _live.AsSpan(kept, _liveCount - kept).Clear();
        _liveCount = kept;
    }

    private void Match(ReadOnlySpan<FaceDetection> detections, TimeSpan timestamp)
    {
        int rows = _liveCount;
        int columns = detections.Length;
        for (int t = 0; t < rows; t++)
        {
            _predicted[t] = _live[t].PredictBox(timestamp);
        }

        Span<float> costs = _costs.AsSpan(0, rows * columns);
        for (int t = 0; t < rows; t++)
        {
            for (int d = 0; d < columns; d++)
            {
                float iou = _predicted[t].IntersectionOverUnion(detections[d].BoundingBox);
                costs[(t * columns) + d] = iou >= _options.MinIou ? 1f - iou : _forbidden;
            }
        }

        Span<int> trackToDetection = _trackToDetection.AsSpan(0, rows);
        _assignment.Solve(costs, rows, columns, trackToDetection);
        for (int t = 0; t < rows; t++)
        {
            int d = trackToDetection[t];
            if (d >= 0 && costs[(t * columns) + d] >= _forbidden)
            {
                trackToDetection[t] = -1;
            }
        }
    }

    private void UpdateMatchedAndMissed(ReadOnlySpan<FaceDetection> detections, TimeSpan timestamp)
    {
        Span<bool> taken = _detectionTaken.AsSpan(0, detections.Length);
        taken.Clear();
        int kept = 0;
        for (int t = 0; t < _liveCount; t++)
        {
            FaceTrack track = _live[t];
            int d = _trackToDetection[t];
            if (d >= 0)
            {
                track.Correct(detections[d], timestamp, _smoothing, _options.MinHits);
                taken[d] = true;
            }
            else if (track.IsConfirmed && track.MissedFrames < _options.MaxMissedFrames)
            {
                track.Coast(timestamp);
            }
            else
            {
                // A candidate that misses a frame, or a confirmed track out of coasting frames, ends here.
                _free.Push(track);
                continue;
            }

            _live[kept++] = track;
        }

        _live.AsSpan(kept, _liveCount - kept).Clear();
        _liveCount = kept;
    }

    private void StartTracks(ReadOnlySpan<FaceDetection> detections, TimeSpan timestamp)
    {
        for (int d = 0; d < detections.Length && _free.Count > 0; d++)
        {
            if (_detectionTaken[d])
            {
                continue;
            }

            FaceTrack track = _free.Pop();
            track.Start(_nextId++, detections[d], timestamp, _options.MinHits);
            _live[_liveCount++] = track;
        }
    }

    /// <summary>Writes the confirmed tracks as they stand, or extrapolated to <paramref name="predictTo"/> when given.</summary>
    private int WriteConfirmed(Span<TrackedFace> destination, TimeSpan? predictTo, out int confirmed)
    {
        int written = 0;
        confirmed = 0;
        for (int t = 0; t < _liveCount; t++)
        {
            FaceTrack track = _live[t];
            if (!track.IsConfirmed)
            {
                continue;
            }

            if (written < destination.Length)
            {
                destination[written++] = predictTo is { } time ? track.Predict(time) : track.ToTrackedFace();
            }

            confirmed++;
        }

        return written;
    }
}
