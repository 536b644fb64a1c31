using System.Globalization;

namespace BlazeFace;

/// <summary>One named face keypoint.</summary>
/// <param name="Kind">Which keypoint this is.</param>
/// <param name="X">Horizontal coordinate.</param>
/// <param name="Y">Vertical coordinate.</param>
public readonly record struct FaceKeypoint(FaceKeypointKind Kind, float X, float Y)
{
    /// <summary>The snake_case name MediaPipe and the CLI's JSON use, such as <c>right_eye</c>.</summary>
    public string Name => Kind switch
    {
        FaceKeypointKind.RightEye => "right_eye",
        FaceKeypointKind.LeftEye => "left_eye",
        FaceKeypointKind.NoseTip => "nose_tip",
        FaceKeypointKind.MouthCenter => "mouth_center",
        FaceKeypointKind.RightEarTragion => "right_ear_tragion",
        FaceKeypointKind.LeftEarTragion => "left_ear_tragion",
        _ => throw new InvalidOperationException($"Unknown keypoint kind {Kind}."),
    };

    /// <summary>The name and position, e.g. "right_eye (211.4, 180.02)", in the invariant culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Name} ({X:0.##}, {Y:0.##})");
}
