namespace BlazeFace;

/// <summary>The BlazeFace models the library can run; each has a bundled copy on <see cref="BlazeFaceModel"/>.</summary>
public enum BlazeFaceModelKind
{
    /// <summary>Short range (MediaPipe's face_detection_front): 128x128 input, single BlazeBlocks, faces within about 2 m of a front camera.</summary>
    ShortRange,

    /// <summary>Full range: 192x192 input, double BlazeBlocks and a feature pyramid, faces within about 5 m.</summary>
    FullRange,

    /// <summary>Back camera (MediaPipe's 2020 face_detection_back): 256x256 input, single BlazeBlocks, smaller faces in rear-camera photos.</summary>
    BackCamera,
}
