using BlazeFace.Imaging;
using BlazeFace.Tracking;

namespace BlazeFace.Landmarks;

/// <summary>
/// The state of one video stream under a <see cref="FaceLandmarker"/>: the faces followed, each with its identity,
/// the region its landmarks give the next frame, and its smoothing filters; and the frame step that updates them, as
/// MediaPipe's <c>face_landmark_front_cpu</c> graph runs it.
/// </summary>
/// <remarks>
/// <para>
/// A frame: the detector runs only while fewer than MaxFaces faces are followed (MediaPipe gates it on the previous
/// frame's regions). The regions of its detections and the followed faces' regions are then associated as
/// <c>AssociationNormRectCalculator</c> does, in that order: each region removes every earlier one it overlaps by
/// more than the threshold, so a followed face wins over a detection of itself and keeps its identity. Each surviving
/// region goes through the landmark model; a face whose presence fails the threshold is lost (and, being missed, makes
/// the detector run on the next frame); each kept face's landmarks give its region for the next frame.
/// </para>
/// <para>
/// Unlike MediaPipe, which maps every region the association keeps, at most MaxFaces regions are mapped, followed
/// faces first, so that MaxFaces bounds the work and the output. A frame of another size than the previous one keeps
/// the faces: their regions scale with the frame (MediaPipe holds them in normalised coordinates) and their smoothing
/// restarts.
/// </para>
/// <para>
/// Nothing is committed until every network has run, so a call that throws (a bad frame or option, a failing engine)
/// leaves the state as it was.
/// </para>
/// </remarks>
internal sealed class LandmarkTracks
{
    private readonly LandmarkerSettings _settings;
    private readonly Track[] _tracks;
    private readonly Track[] _next;
    private readonly Candidate[] _candidates;
    private readonly int[] _mapped;
    private readonly bool[] _removed;
    private readonly Stack<LandmarkSmoother> _idleSmoothers = new();
    private int _count;
    private long _nextId = 1;
    private int _frameWidth;
    private int _frameHeight;
    private TimeSpan _lastTimestamp;
    private bool _started;

    public LandmarkTracks(LandmarkerSettings settings)
    {
        _settings = settings;
        _tracks = new Track[settings.MaxFaces];
        _next = new Track[settings.MaxFaces];
        _candidates = new Candidate[2 * settings.MaxFaces];
        _mapped = new int[settings.MaxFaces];
        _removed = new bool[2 * settings.MaxFaces];
    }

    /// <summary>Whether a frame has been processed since creation or <see cref="Clear"/>.</summary>
    public bool Started => _started;

    /// <summary>The previous frame's timestamp (meaningful once <see cref="Started"/>).</summary>
    public TimeSpan LastTimestamp => _lastTimestamp;

    /// <summary>Forgets every face; identities start again from 1.</summary>
    public void Clear()
    {
        for (int t = 0; t < _count; t++)
        {
            Release(_tracks[t].Smoother);
        }

        Array.Clear(_tracks);
        _count = 0;
        _nextId = 1;
        _started = false;
        _lastTimestamp = TimeSpan.Zero;
    }

    /// <summary>Processes the next frame and writes the faces followed in it, in identity order.</summary>
    /// <returns>The number of meshes written; <paramref name="tracked"/> counts every face followed, written or not.</returns>
    public int Process(
        ImageView frame, TimeSpan timestamp, in ImageProcessingOptions options, LandmarkWorkingSet workingSet, FaceDetector detector, Span<FaceMesh> destination, out int tracked)
    {
        bool resized = _started && (frame.Width != _frameWidth || frame.Height != _frameHeight);
        int candidates = 0;
        if (_count < _settings.MaxFaces)
        {
            int found = detector.Detect(frame, workingSet.Detections, out _, options);
            for (int i = 0; i < found; i++)
            {
                _candidates[candidates++] = new Candidate(FaceRegion.FromDetection(workingSet.Detections[i]), 0, i);
            }
        }

        for (int t = 0; t < _count; t++)
        {
            RotatedBox region = resized ? Rescale(_tracks[t].Region, frame) : _tracks[t].Region;
            _candidates[candidates++] = new Candidate(region, _tracks[t].Id, -1);
        }

        int mapped = ChooseRegions(candidates);
        int accepted = 0;
        for (int k = 0; k < mapped; k++)
        {
            Candidate candidate = _candidates[_mapped[k]];
            FaceDetection? detection = candidate.Detection >= 0 ? workingSet.Detections[candidate.Detection] : null;
            if (workingSet.Run(frame, candidate.Region, detection, candidate.TrackId, workingSet.Mesh(accepted)))
            {
                _mapped[accepted++] = _mapped[k];
            }
        }

        // Every network has run: from here nothing throws, and the new state is committed.
        Commit(accepted, workingSet, timestamp, resized);
        _frameWidth = frame.Width;
        _frameHeight = frame.Height;
        _lastTimestamp = timestamp;
        _started = true;
        tracked = accepted;
        int written = Math.Min(accepted, destination.Length);
        for (int k = 0; k < written; k++)
        {
            (destination[k] ??= new FaceMesh()).CopyFrom(workingSet.Mesh(_next[k].MeshIndex));
        }

        return written;
    }

    /// <summary>
    /// Associates the candidate regions (later ones win) and picks at most MaxFaces of the survivors into
    /// <see cref="_mapped"/>, followed faces first, then detections in score order.
    /// </summary>
    private int ChooseRegions(int candidates)
    {
        Span<bool> removed = _removed.AsSpan(0, candidates);
        removed.Clear();
        for (int later = 1; later < candidates; later++)
        {
            for (int earlier = 0; earlier < later; earlier++)
            {
                if (!removed[earlier] && FaceRegion.Overlap(_candidates[later].Region, _candidates[earlier].Region) > _settings.TrackingIouThreshold)
                {
                    removed[earlier] = true;
                }
            }
        }

        int mapped = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int c = 0; c < candidates && mapped < _mapped.Length; c++)
            {
                bool followed = _candidates[c].TrackId != 0;
                if (!removed[c] && followed == (pass == 0))
                {
                    _mapped[mapped++] = c;
                }
            }
        }

        return mapped;
    }

    /// <summary>Turns this frame's accepted faces into the tracks of the next frame, smooths their landmarks, orders them by identity.</summary>
    private void Commit(int accepted, LandmarkWorkingSet workingSet, TimeSpan timestamp, bool resized)
    {
        float elapsedSeconds = _started ? (float)(timestamp - _lastTimestamp).TotalSeconds : 0f;
        OneEuroSettings? smoothing = _settings.Smoothing;
        for (int k = 0; k < accepted; k++)
        {
            Candidate candidate = _candidates[_mapped[k]];
            FaceMesh mesh = workingSet.Mesh(k);
            long id = candidate.TrackId != 0 ? candidate.TrackId : _nextId++;

            // The next region from the raw landmarks, before smoothing, as in MediaPipe's Tasks graph.
            RotatedBox next = FaceRegion.FromLandmarks(mesh.Landmarks);
            LandmarkSmoother? smoother = null;
            if (smoothing is { } settings)
            {
                smoother = TakeSmoother(candidate.TrackId);
                if (candidate.TrackId == 0 || resized || !(elapsedSeconds > 0f))
                {
                    smoother.Start(mesh.Landmarks);
                }
                else
                {
                    smoother.Smooth(mesh.Storage, elapsedSeconds, settings);
                }
            }

            mesh.Set(id, mesh.Detection, mesh.Region, mesh.Presence, hasLandmarks: true);
            _next[k] = new Track(id, next, smoother, k);
        }

        // Faces lost this frame give their filters back for the next new face.
        for (int t = 0; t < _count; t++)
        {
            Release(_tracks[t].Smoother);
        }

        // Identity order: followed faces keep theirs, new ones got larger ones; a few faces, so insertion sort.
        for (int i = 1; i < accepted; i++)
        {
            Track track = _next[i];
            int j = i - 1;
            while (j >= 0 && _next[j].Id > track.Id)
            {
                _next[j + 1] = _next[j];
                j--;
            }

            _next[j + 1] = track;
        }

        Array.Clear(_tracks);
        _next.AsSpan(0, accepted).CopyTo(_tracks);
        _count = accepted;
    }

    /// <summary>The followed face's filters (taken out of the old track, so the release below skips them), or a free or new set.</summary>
    private LandmarkSmoother TakeSmoother(long trackId)
    {
        if (trackId != 0)
        {
            for (int t = 0; t < _count; t++)
            {
                if (_tracks[t].Id == trackId && _tracks[t].Smoother is { } own)
                {
                    _tracks[t] = _tracks[t] with { Smoother = null };
                    return own;
                }
            }
        }

        return _idleSmoothers.TryPop(out LandmarkSmoother? idle) ? idle : new LandmarkSmoother();
    }

    private void Release(LandmarkSmoother? smoother)
    {
        if (smoother is not null)
        {
            _idleSmoothers.Push(smoother);
        }
    }

    /// <summary>A region scaled with the frame, as a region held in normalised coordinates would be.</summary>
    private RotatedBox Rescale(in RotatedBox region, ImageView frame)
    {
        float sx = (float)frame.Width / _frameWidth;
        float sy = (float)frame.Height / _frameHeight;
        return new RotatedBox(region.CenterX * sx, region.CenterY * sy, region.Width * sx, region.Height * sy, region.AngleDegrees);
    }

    /// <summary>One followed face.</summary>
    /// <param name="Id">Its identity.</param>
    /// <param name="Region">The region its latest landmarks give the next frame.</param>
    /// <param name="Smoother">Its landmark filters, or null when smoothing is off.</param>
    /// <param name="MeshIndex">During a frame, the working set's mesh that holds its landmarks.</param>
    private readonly record struct Track(long Id, RotatedBox Region, LandmarkSmoother? Smoother, int MeshIndex);

    /// <summary>A region to map this frame.</summary>
    /// <param name="Region">The region.</param>
    /// <param name="TrackId">The followed face it comes from, or 0 for a detection.</param>
    /// <param name="Detection">Index of its detection in the working set, or -1.</param>
    private readonly record struct Candidate(RotatedBox Region, long TrackId, int Detection);
}
