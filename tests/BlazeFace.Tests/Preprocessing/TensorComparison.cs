namespace BlazeFace.Tests.Preprocessing;

/// <summary>
/// Whole-tensor comparisons reduced by hand: NUnit's element-wise array constraints take a noticeable time on
/// 49,152 floats, and a single number reads better in a failure than a dump of the first differences.
/// </summary>
internal static class TensorComparison
{
    /// <summary>The largest absolute difference between corresponding elements; infinity when lengths differ.</summary>
    public static float LargestDifference(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        if (actual.Length != expected.Length)
        {
            return float.PositiveInfinity;
        }

        float largest = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            largest = MathF.Max(largest, MathF.Abs(actual[i] - expected[i]));
        }

        return largest;
    }

    /// <summary>The index of the first element that differs bit for bit, or -1 when the tensors are identical.</summary>
    public static int FirstDifference(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        int length = Math.Min(actual.Length, expected.Length);
        for (int i = 0; i < length; i++)
        {
            if (BitConverter.SingleToInt32Bits(actual[i]) != BitConverter.SingleToInt32Bits(expected[i]))
            {
                return i;
            }
        }

        return actual.Length == expected.Length ? -1 : length;
    }

    /// <summary>The index of the first element not equal to <paramref name="value"/> within <paramref name="tolerance"/>, or -1.</summary>
    public static int FirstOtherThan(ReadOnlySpan<float> actual, float value, float tolerance = 0)
    {
        for (int i = 0; i < actual.Length; i++)
        {
            if (!(MathF.Abs(actual[i] - value) <= tolerance))
            {
                return i;
            }
        }

        return -1;
    }
}
