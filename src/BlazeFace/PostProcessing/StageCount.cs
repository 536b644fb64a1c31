namespace BlazeFace.PostProcessing;

/// <summary>Checks the count a pluggable stage returns before anything reads that far.</summary>
internal static class StageCount
{
    /// <summary>A stage's count, checked: a custom stage that overstates it must not make the detector read past its buffer.</summary>
    public static int Check(int count, int capacity, string stage, object implementation) =>
        count >= 0 && count <= capacity
            ? count
            : throw new InvalidOperationException($"The {stage} stage ({implementation.GetType().FullName}) returned a count of {count} for a destination of {capacity}; a stage must return how many items it wrote, between 0 and the destination's length.");
}
