namespace BlazeFace.Tests.Hardening;

/// <summary>
/// Compares detections bit for bit: every float of score, boxes (axis-aligned and turned) and keypoints by its IEEE bits, so -0 differs from
/// +0 and a NaN is compared by payload. A race that perturbs one rounding shows up here, where a tolerance would hide it.
/// </summary>
internal static class DetectionBits
{
    public static bool Identical(IReadOnlyList<FaceDetection> expected, ReadOnlySpan<FaceDetection> actual)
    {
        if (expected.Count != actual.Length)
        {
            return false;
        }

        for (int i = 0; i < actual.Length; i++)
        {
            if (!Identical(expected[i], actual[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Identical(FaceDetection expected, FaceDetection actual)
    {
        Span<float> a = stackalloc float[FloatCount];
        Span<float> b = stackalloc float[FloatCount];
        Flatten(expected, a);
        Flatten(actual, b);
        for (int i = 0; i < FloatCount; i++)
        {
            if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly int FloatCount = 10 + (2 * FaceKeypoints.Count);

    private static void Flatten(FaceDetection detection, Span<float> values)
    {
        FaceBox box = detection.BoundingBox;
        (values[0], values[1], values[2], values[3], values[4]) = (detection.Score, box.X, box.Y, box.Width, box.Height);
        for (int k = 0; k < FaceKeypoints.Count; k++)
        {
            FaceKeypoint keypoint = detection.Keypoints[k];
            values[5 + (2 * k)] = keypoint.X;
            values[6 + (2 * k)] = keypoint.Y;
        }

        RotatedBox turned = detection.RotatedBoundingBox;
        (values[^5], values[^4], values[^3], values[^2], values[^1]) = (turned.CenterX, turned.CenterY, turned.Width, turned.Height, turned.AngleDegrees);
    }
}
