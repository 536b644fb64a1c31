namespace BlazeFace.Kernels.Depthwise;

/// <summary>
/// Whether a kernel's loop ends in a ReLU, as a type argument: the flag is a constant in each compiled copy, so the
/// inner loop carries no per-element branch.
/// </summary>
internal interface IActivation
{
    static abstract bool Relu { get; }
}

/// <summary>No activation.</summary>
internal readonly struct IdentityActivation : IActivation
{
    public static bool Relu => false;
}

/// <summary>max(x, 0).</summary>
internal readonly struct ReluActivation : IActivation
{
    public static bool Relu => true;
}
