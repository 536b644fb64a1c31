namespace BlazeFace.Models.Tflite;

/// <summary>DEPTH_TO_SPACE's options: how many pixels square each input pixel's channels spread over.</summary>
/// <param name="BlockSize">The side of the block, at least 1.</param>
internal sealed record DepthToSpaceOptions(int BlockSize);
