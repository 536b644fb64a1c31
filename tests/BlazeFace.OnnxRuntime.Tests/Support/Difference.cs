namespace BlazeFace.Tests.Support;

/// <summary>Element-by-element comparison of two output tensors.</summary>
/// <remarks>
/// Float32 engines that sum in different orders differ by a few units in the last place of the values they add up,
/// so their outputs differ in proportion to the tensor's range, not by a fixed amount: the short-range score logits
/// reach -324 and the back-camera ones -9183, where one float32 step is 3e-5 and 1e-3. A tolerance is therefore the
/// larger of an absolute bound (what it is for outputs of order 1-10) and a fraction of the tensor's largest value.
/// </remarks>
internal static class Difference
{
    /// <summary>The largest absolute difference; the lengths must agree.</summary>
    public static float MaxAbs(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length), "element count");
        float max = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            max = Math.Max(max, Math.Abs(expected[i] - actual[i]));
        }

        return max;
    }

    /// <summary>The largest |value| in the tensor.</summary>
    public static float Range(ReadOnlySpan<float> values)
    {
        float max = 0;
        foreach (float value in values)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        return max;
    }

    /// <summary>max(<paramref name="absolute"/>, <paramref name="ofRange"/> x the reference tensor's largest |value|).</summary>
    public static float Tolerance(ReadOnlySpan<float> expected, float absolute, float ofRange) => Math.Max(absolute, ofRange * Range(expected));

    /// <summary>Checks one output tensor and logs the largest difference, absolute and as a fraction of the range.</summary>
    public static void AssertWithin(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, float absolute, float ofRange, string what)
    {
        float diff = MaxAbs(expected, actual);
        float range = Range(expected);
        float tolerance = Tolerance(expected, absolute, ofRange);
        TestContext.Out.WriteLine($"  {what}: max |diff| {diff:E2}, range {range:G4}, diff/range {diff / Math.Max(range, 1f):E2}, tolerance {tolerance:E2}");
        Assert.That(diff, Is.LessThanOrEqualTo(tolerance), what);
    }
}
