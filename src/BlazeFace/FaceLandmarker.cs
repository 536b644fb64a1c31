using BlazeFace.Detection;
using BlazeFace.Imaging;
using BlazeFace.Landmarks;
using BlazeFace.Tracking;

namespace BlazeFace;

/// <summary>
/// Maps faces with MediaPipe's 468-point face mesh: finds them with its <see cref="Detector"/>, crops each face's
/// region and runs the face-landmark model on it. Create one per configuration and reuse it for every image and
/// frame.
/// </summary>
/// <remarks>
/// <para>
/// The pipeline is MediaPipe's face mesh (<c>face_landmark_front_cpu</c>): each detection gives a region, a square 1.5
/// times the face's box turned by the eye line; the region is sampled in one pass into the model's 192x192 input in
/// [0, 1], the image's border replicated; the model gives 468 landmarks, projected back into the image's pixels, and
/// a face-presence score, whose sigmoid must exceed <see cref="FaceLandmarkerOptions.MinPresence"/>. Faces it rejects
/// are left out.
/// </para>
/// <para>
/// Still images: <see cref="Detect(ImageView, ImageProcessingOptions)"/> returns new meshes,
/// <see cref="Detect(ImageView, Span{FaceMesh}, out int, ImageProcessingOptions)"/> fills yours and allocates nothing
/// once warm, and <see cref="Detect(ImageView, FaceDetection, FaceMesh)"/> maps one face you found yourself. Any number
/// of threads may call these at once: the compiled models are shared read-only, and each concurrent call borrows a
/// working set of its own (a landmark session, about 1.8 MB on the managed engine, and the detector's), created the first
/// time that many calls overlap and reused afterwards.
/// </para>
/// <para>
/// Video: <see cref="Track(ImageView, TimeSpan, ImageProcessingOptions)"/> follows the faces of one stream as MediaPipe
/// does, the next frame's region coming from this frame's landmarks, so the detector runs only to find new or lost
/// faces; every face keeps an identity, and its landmarks are smoothed. A landmarker holds one stream: its Track calls
/// must come one at a time (overlapping ones throw <see cref="InvalidOperationException"/>), with increasing timestamps;
/// <see cref="Reset"/> starts another stream. Use one landmarker per stream; Detect stays thread-safe meanwhile.
/// </para>
/// <para>Disposing releases the working sets and the detector; calling the landmarker afterwards throws <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public sealed class FaceLandmarker : IDisposable
{
    private readonly LandmarkerSettings _settings;
    private readonly FaceDetector _detector;
    private readonly WorkingSetPool<LandmarkWorkingSet> _pool;
    private readonly LandmarkTracks _tracks;
    private readonly StreamGuard _guard = new("FaceLandmarker holds one video stream: Track was called while another Track or Reset call on it was running. Use one landmarker per stream.");

    /// <summary>Creates a landmarker.</summary>
    /// <param name="options">The configuration; null means all defaults (the short-range detector and the bundled landmark model, MediaPipe's settings, the managed engine, one face).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option, of the landmarker or of its detector, is out of range; the exception's ParamName is the option's name (for example "MaxFaces").</exception>
    /// <exception cref="ArgumentException"><see cref="FaceLandmarkerOptions.Model"/> is not a face landmark model, or the detector's model is not a face detector.</exception>
    /// <exception cref="InvalidOperationException">The engine made a session whose buffers do not fit a model.</exception>
    public FaceLandmarker(FaceLandmarkerOptions? options = null)
    {
        options ??= new FaceLandmarkerOptions();
        _settings = new LandmarkerSettings(options);
        _detector = new FaceDetector(options.Detector, _settings.Engine);
        try
        {
            _pool = new WorkingSetPool<LandmarkWorkingSet>(this, () => new LandmarkWorkingSet(_settings, _settings.Engine.CreateSession(_settings.Model)));
        }
        catch
        {
            _detector.Dispose();
            throw;
        }

        _tracks = new LandmarkTracks(_settings);
    }

    /// <summary>The detector the landmarker runs, owned by it: also usable on its own, for detections without meshes.</summary>
    public FaceDetector Detector => _detector;

    /// <summary>The landmark model.</summary>
    public BlazeFaceModel Model => _settings.Model;

    /// <summary>What runs the landmark network.</summary>
    public NetworkEngine Engine => _settings.Engine;

    /// <summary>The most faces one call maps.</summary>
    public int MaxFaces => _settings.MaxFaces;

    /// <summary>The presence threshold in effect: faces scoring above it are kept.</summary>
    public float MinPresence => _settings.MinPresence;

    /// <summary>Finds the faces in an image and maps each with the face mesh.</summary>
    /// <param name="image">The pixels.</param>
    /// <param name="options">How the detector searches the image (region of interest, rotation, automatic orientation, tiling), as for <see cref="FaceDetector.Detect(ImageView, ImageProcessingOptions)"/>; the meshes are in the whole image's pixels either way.</param>
    /// <returns>New meshes of the best <see cref="MaxFaces"/> faces the detector found, best first, less those the landmark model rejected; empty when there are none.</returns>
    /// <exception cref="ArgumentException"><paramref name="image"/> is a default view (ParamName "image"), or the region of interest does not fit the image (ParamName "RegionOfInterest").</exception>
    /// <exception cref="ObjectDisposedException">The landmarker has been disposed.</exception>
    public IReadOnlyList<FaceMesh> Detect(ImageView image, ImageProcessingOptions options = default)
    {
        LandmarkWorkingSet workingSet = _pool.Rent();
        try
        {
            int count = MapDetections(image, options, workingSet);
            if (count == 0)
            {
                return [];
            }

            var meshes = new FaceMesh[count];
            for (int k = 0; k < count; k++)
            {
                meshes[k] = workingSet.Mesh(k).Clone();
            }

            return meshes;
        }
        finally
        {
            _pool.Return(workingSet);
        }
    }

    /// <summary>Finds the faces in an image and maps each into your meshes, without allocating once warm.</summary>
    /// <param name="image">The pixels.</param>
    /// <param name="destination">
    /// Receives the meshes, best face first, as many as fit. Each entry is overwritten; a null entry gets a new mesh,
    /// so pass the same array every time (for example <c>new FaceMesh[landmarker.MaxFaces]</c>) and nothing is
    /// allocated after the first call.
    /// </param>
    /// <param name="found">How many faces were mapped; more than the return value when <paramref name="destination"/> was too short.</param>
    /// <param name="options">As for <see cref="Detect(ImageView, ImageProcessingOptions)"/>.</param>
    /// <returns>The number of meshes written: the smaller of <paramref name="found"/> and <c>destination.Length</c>.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Detect(ImageView, ImageProcessingOptions)"/>.</exception>
    /// <exception cref="ObjectDisposedException">The landmarker has been disposed.</exception>
    public int Detect(ImageView image, Span<FaceMesh> destination, out int found, ImageProcessingOptions options = default)
    {
        LandmarkWorkingSet workingSet = _pool.Rent();
        try
        {
            found = MapDetections(image, options, workingSet);
            int written = Math.Min(found, destination.Length);
            for (int k = 0; k < written; k++)
            {
                (destination[k] ??= new FaceMesh()).CopyFrom(workingSet.Mesh(k));
            }

            return written;
        }
        finally
        {
            _pool.Return(workingSet);
        }
    }

    /// <summary>
    /// Maps one face found by other means (a <see cref="FaceDetector"/> of your own, a <see cref="FaceTracker"/>'s
    /// <see cref="TrackedFace.Detection"/>, another search) without running the detector; allocation-free.
    /// </summary>
    /// <param name="image">The image the face was found in.</param>
    /// <param name="face">The face, in the image's pixels: its box and eye keypoints give the region.</param>
    /// <param name="destination">
    /// Receives the face: its <see cref="FaceMesh.Presence"/>, <see cref="FaceMesh.Region"/> and
    /// <see cref="FaceMesh.Detection"/> always, its landmarks when the model accepts it (otherwise
    /// <see cref="FaceMesh.Landmarks"/> is empty).
    /// </param>
    /// <returns>Whether the landmark model accepted the face (presence above <see cref="MinPresence"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="image"/> is a default view (ParamName "image"), or the face's box is empty or not finite or its
    /// eye keypoints are not finite (ParamName "face").
    /// </exception>
    /// <exception cref="ObjectDisposedException">The landmarker has been disposed.</exception>
    public bool Detect(ImageView image, FaceDetection face, FaceMesh destination)
    {
        CheckImage(image);
        ArgumentNullException.ThrowIfNull(destination);
        RotatedBox region = FaceRegion.FromDetection(face);
        LandmarkWorkingSet workingSet = _pool.Rent();
        try
        {
            return workingSet.Run(image, region, face, trackId: 0, destination);
        }
        finally
        {
            _pool.Return(workingSet);
        }
    }

    /// <summary>Maps the faces of the next frame of the stream, following those of the previous frames.</summary>
    /// <param name="frame">The frame's pixels.</param>
    /// <param name="timestamp">When the frame was captured (or its presentation time in a file); later than the previous frame's.</param>
    /// <param name="options">How the detector searches the frame when it runs, as for <see cref="Detect(ImageView, ImageProcessingOptions)"/>.</param>
    /// <returns>New meshes of the faces followed in this frame, in <see cref="FaceMesh.TrackId"/> order; empty when there are none.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="timestamp"/> is not later than the previous frame's (ParamName "timestamp"), <paramref name="frame"/>
    /// is a default view (ParamName "frame"), or the region of interest does not fit the frame (ParamName
    /// "RegionOfInterest"). Whichever, the stream is left as it was.
    /// </exception>
    /// <exception cref="InvalidOperationException">Another Track or Reset call on this landmarker is running.</exception>
    /// <exception cref="ObjectDisposedException">The landmarker has been disposed.</exception>
    /// <remarks>
    /// MediaPipe's video pipeline: the detector runs only while fewer than <see cref="MaxFaces"/> faces are followed;
    /// a face it finds again is recognised by its region's overlap (<see cref="FaceLandmarkerOptions.TrackingIouThreshold"/>)
    /// and keeps its identity; each face's next region comes from its landmarks, so it follows the face's motion and
    /// roll; a face the landmark model rejects is lost, and a face found later gets a new identity. With
    /// <see cref="FaceLandmarkerOptions.SmoothLandmarks"/> the landmarks returned are smoothed per coordinate.
    /// </remarks>
    public IReadOnlyList<FaceMesh> Track(ImageView frame, TimeSpan timestamp, ImageProcessingOptions options = default)
    {
        Span<FaceMesh> meshes = new FaceMesh[MaxFaces];
        int written = Track(frame, timestamp, meshes, out _, options);
        return written == 0 ? [] : meshes[..written].ToArray();
    }

    /// <summary>Maps the faces of the next frame into your meshes, without allocating once warm.</summary>
    /// <param name="frame">The frame's pixels.</param>
    /// <param name="timestamp">When the frame was captured; later than the previous frame's.</param>
    /// <param name="destination">
    /// Receives the faces in <see cref="FaceMesh.TrackId"/> order, as many as fit; a null entry gets a new mesh, so pass
    /// the same array every frame (<see cref="MaxFaces"/> entries always suffice).
    /// </param>
    /// <param name="tracked">How many faces are followed in this frame; more than the return value when <paramref name="destination"/> was too short (the others are still followed).</param>
    /// <param name="options">As for <see cref="Track(ImageView, TimeSpan, ImageProcessingOptions)"/>.</param>
    /// <returns>The number of meshes written.</returns>
    /// <inheritdoc cref="Track(ImageView, TimeSpan, ImageProcessingOptions)" path="/exception"/>
    public int Track(ImageView frame, TimeSpan timestamp, Span<FaceMesh> destination, out int tracked, ImageProcessingOptions options = default)
    {
        _guard.Enter();

        try
        {
            if (frame.Width == 0)
            {
                throw new ArgumentException("The frame's image view is uninitialised (default).", nameof(frame));
            }

            // Equal timestamps are refused too: the smoothing divides by the time between frames.
            if (_tracks.Started && timestamp <= _tracks.LastTimestamp)
            {
                throw new ArgumentException(
                    $"Frame timestamps must increase: {timestamp} does not come after the previous frame's {_tracks.LastTimestamp}. Call Reset() to start a new stream.",
                    nameof(timestamp));
            }

            LandmarkWorkingSet workingSet = _pool.Rent();
            try
            {
                return _tracks.Process(frame, timestamp, options, workingSet, _detector, destination, out tracked);
            }
            finally
            {
                _pool.Return(workingSet);
            }
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>
    /// Starts a new stream: every face is forgotten, identities start again from 1, and any timestamp is accepted next.
    /// </summary>
    /// <exception cref="InvalidOperationException">A Track call on this landmarker is running.</exception>
    public void Reset()
    {
        _guard.Enter();

        _tracks.Clear();
        _guard.Exit();
    }

    /// <summary>Releases the working sets (the engine's sessions) and the detector. Safe to call more than once.</summary>
    public void Dispose()
    {
        _pool.Dispose();
        _detector.Dispose();
    }

    /// <summary>The still-image pipeline into the working set's meshes: the best MaxFaces detections, each mapped, rejected ones dropped.</summary>
    private int MapDetections(ImageView image, in ImageProcessingOptions options, LandmarkWorkingSet workingSet)
    {
        int found = _detector.Detect(image, workingSet.Detections, out _, options);
        int accepted = 0;
        for (int i = 0; i < found; i++)
        {
            FaceDetection face = workingSet.Detections[i];
            if (workingSet.Run(image, FaceRegion.FromDetection(face), face, trackId: 0, workingSet.Mesh(accepted)))
            {
                accepted++;
            }
        }

        return accepted;
    }

    private static void CheckImage(ImageView image)
    {
        if (image.Width == 0)
        {
            throw new ArgumentException("The image view is uninitialised (default).", nameof(image));
        }
    }

}
