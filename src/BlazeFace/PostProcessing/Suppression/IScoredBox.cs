namespace BlazeFace.PostProcessing.Suppression;

/// <summary>What suppression reads of a detection, whatever its coordinates: its score and its axis-aligned box.</summary>
internal interface IScoredBox
{
    float Score { get; }

    FaceBox BoundingBox { get; }
}
