namespace BlazeFace;

/// <summary>The two BlazeFace architectures the library can run.</summary>
public enum BlazeFaceModelKind
{
    /// <summary>Short range (MediaPipe's face_detection_front): 128x128 input, single BlazeBlocks, faces within about 2 m.</summary>
    ShortRange,

    /// <summary>Full range: 192x192 input, double BlazeBlocks and a feature pyramid, faces within about 5 m.</summary>
    FullRange,
}
