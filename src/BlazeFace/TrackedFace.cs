namespace BlazeFace;

/// <summary>One face followed across the frames of a video by a <see cref="FaceTracker"/>.</summary>
/// <remarks>
/// <see cref="BoundingBox"/> and <see cref="Keypoints"/> are the smoothed values, in the frame's pixels (or in
/// whatever coordinates the detections were in); <see cref="Detection"/> is what the detector reported for this face
/// in this frame, unsmoothed. A coasting face (<see cref="MissedFrames"/> above 0) was not detected in this frame:
/// its box and keypoints are extrapolated along their recent velocity and are not clipped to the frame.
/// </remarks>
/// <param name="TrackId">The track's identity: the same for as long as the face is followed, never reused by the tracker (until <see cref="FaceTracker.Reset"/>), starting at 1.</param>
/// <param name="BoundingBox">The smoothed box.</param>
/// <param name="Keypoints">The six smoothed keypoints, in MediaPipe's order.</param>
/// <param name="Score">The score of the latest detection matched to the track (this frame's, unless coasting).</param>
/// <param name="Detection">This frame's raw detection of the face; null while coasting, and in the results of <see cref="FaceTracker.Predict"/>.</param>
/// <param name="Age">Frames given to Track since the track was born, counting the frame of its first detection and the latest (so at least <see cref="FaceTrackerOptions.MinHits"/>).</param>
/// <param name="Duration">Time from the frame of the track's first detection to this frame.</param>
/// <param name="Hits">Frames in which the face was detected and matched to the track, the latest included.</param>
/// <param name="MissedFrames">Consecutive frames given to Track, up to the latest, without a detection of the face: 0 when it was detected in the latest.</param>
public readonly record struct TrackedFace(
    long TrackId,
    FaceBox BoundingBox,
    FaceKeypoints Keypoints,
    float Score,
    FaceDetection? Detection,
    int Age,
    TimeSpan Duration,
    int Hits,
    int MissedFrames);
