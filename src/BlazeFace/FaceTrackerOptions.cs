namespace BlazeFace;

/// <summary>How a <see cref="FaceTracker"/> matches, keeps and smooths faces. Every property has a documented default.</summary>
/// <remarks>
/// The smoothing is a One-Euro filter (Casiez et al., CHI 2012) on each of sixteen coordinates: the box centre and
/// size and the twelve keypoint coordinates. Its cut-off frequency is <see cref="MinCutoff"/> +
/// <see cref="Beta"/> x speed, with the speed measured in face sizes per second (the size being the mean of the
/// detected box's width and height, as MediaPipe scales its landmark filters), so one setting fits near and far
/// faces. The speed is the face's own, the mean velocity of its box centre and six keypoints, shared by all its
/// coordinates, which keeps the detector's noise from reading as motion. Lower <see cref="Beta"/> for a steadier
/// still face; raise it for less lag in motion.
/// </remarks>
public sealed class FaceTrackerOptions
{
    /// <summary>
    /// Detections in consecutive frames before a new track is confirmed and reported, at least 1. Default: 2.
    /// </summary>
    /// <remarks>
    /// A candidate track that misses a frame before it is confirmed is dropped, so a false detection lasting a single
    /// frame never becomes a face, at the cost of reporting a real face one frame (33 ms at 30 frames per second)
    /// after it first appears. 1 reports every detection at once.
    /// </remarks>
    public int MinHits { get; init; } = 2;

    /// <summary>
    /// Consecutive frames a confirmed track survives without a detection, at least 0. Default: 10 (a third of a
    /// second at 30 frames per second).
    /// </summary>
    /// <remarks>
    /// While it survives, the track coasts: it is reported with <see cref="TrackedFace.MissedFrames"/> above 0 and no
    /// <see cref="TrackedFace.Detection"/>, its box moving along its recent velocity, and a detection overlapping that
    /// predicted box takes it up again with the same <see cref="TrackedFace.TrackId"/>. This bridges motion blur, a
    /// turned head or a hand passing in front of the face; the price is that a face that has left shows for this many
    /// more frames (skip coasting faces if that matters). Frames that never reach the tracker count as missed too: a
    /// gap since the previous frame of more than this many frames (judged by the interval between the two frames
    /// before it) ends every track, and the faces after it start new tracks.
    /// </remarks>
    public int MaxMissedFrames { get; init; } = 10;

    /// <summary>
    /// Least overlap (intersection over union) between a track's predicted box and a detection for the two to be
    /// matched, in (0, 1]. Default: 0.3.
    /// </summary>
    public float MinIou { get; init; } = 0.3f;

    /// <summary>
    /// Most tracks alive at once (confirmed, coasting and candidate), from 1 to 1024. Default: 32. Also the most
    /// detections considered per frame (the best ones); a detection that finds no free track is ignored.
    /// </summary>
    public int MaxTracks { get; init; } = 32;

    /// <summary>The One-Euro filter's cut-off frequency for a still face, in hertz; positive. Default: 0.1.</summary>
    /// <remarks>
    /// The detector's frame-to-frame noise always reads as a little speed, which raises the cut-off of a still face
    /// above this value by <see cref="Beta"/> times that speed; a low <see cref="MinCutoff"/> leaves the smoothing at
    /// rest as strong as that noise allows. On the test videos (30 frames per second) the keypoints of a still face
    /// jittered 4.1 times less than the raw detections for a 160-pixel face and 3.5 times less for a 107-pixel one.
    /// A very large value turns smoothing off.
    /// </remarks>
    public float MinCutoff { get; init; } = 0.1f;

    /// <summary>
    /// How fast the cut-off frequency rises with the face's speed, in hertz per (face size per second); 0 or more.
    /// Default: 20.
    /// </summary>
    /// <remarks>
    /// A face moving steadily settles 1 / (2 pi (<see cref="MinCutoff"/> + <see cref="Beta"/> x speed)) seconds
    /// behind, which is never more than 1 / (2 pi <see cref="Beta"/>) face sizes however fast it moves: 0.8% at 20.
    /// A larger value lags less but lets more jitter through, since noise reads as speed; 0 makes the filter a plain
    /// low-pass at <see cref="MinCutoff"/>.
    /// </remarks>
    public float Beta { get; init; } = 20f;

    /// <summary>Cut-off frequency of the speed estimates, in hertz; positive. Default: 0.3.</summary>
    /// <remarks>
    /// The speed sets the cut-off and carries a coasting face. At 0.3 Hz it averages over about half a second, so
    /// the detector's frame-to-frame noise barely raises the cut-off of a still face (at the paper's usual 1 Hz the
    /// still-face jitter of the 107-pixel test face fell 2.3 times instead of 3.5); the price is that the speed takes
    /// about half a second to follow a change of motion, so a face lags a little more in the first second after it
    /// starts moving.
    /// </remarks>
    public float DerivativeCutoff { get; init; } = 0.3f;
}
