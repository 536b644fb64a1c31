namespace BlazeFace.Tests.Tracking.Video;

/// <summary>
/// Jitter of a still face's keypoints: the standard deviation over frames of each of the twelve keypoint
/// coordinates, combined as their root mean square, in pixels.
/// </summary>
internal static class KeypointJitter
{
    public static double Of(IReadOnlyList<FaceKeypoints> frames)
    {
        if (frames.Count < 2)
        {
            throw new ArgumentException("Jitter needs at least two frames.", nameof(frames));
        }

        int coordinates = 2 * FaceKeypoints.Count;
        double[] sum = new double[coordinates];
        double[] sumOfSquares = new double[coordinates];
        Span<float> xy = stackalloc float[coordinates];
        foreach (FaceKeypoints keypoints in frames)
        {
            keypoints.CopyTo(xy);
            for (int c = 0; c < coordinates; c++)
            {
                sum[c] += xy[c];
                sumOfSquares[c] += (double)xy[c] * xy[c];
            }
        }

        double variance = 0;
        for (int c = 0; c < coordinates; c++)
        {
            double mean = sum[c] / frames.Count;
            variance += (sumOfSquares[c] - (frames.Count * mean * mean)) / (frames.Count - 1);
        }

        return Math.Sqrt(variance / coordinates);
    }
}
