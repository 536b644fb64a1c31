namespace BlazeFace;

/// <summary>The six face keypoints BlazeFace predicts, in MediaPipe's order.</summary>
/// <remarks>"Right" and "left" are the person's own, so the right eye appears on the left of an unmirrored photo.</remarks>
public enum FaceKeypointKind
{
    /// <summary>Centre of the person's right eye.</summary>
    RightEye = 0,

    /// <summary>Centre of the person's left eye.</summary>
    LeftEye = 1,

    /// <summary>Tip of the nose.</summary>
    NoseTip = 2,

    /// <summary>Centre of the mouth.</summary>
    MouthCenter = 3,

    /// <summary>Tragion of the person's right ear.</summary>
    RightEarTragion = 4,

    /// <summary>Tragion of the person's left ear.</summary>
    LeftEarTragion = 5,
}
