using BlazeFace.Kernels;

namespace BlazeFace.Engines;

/// <summary>The library's own kernels as an engine: sessions over the model's compiled network for one kernel set.</summary>
internal sealed class ManagedEngine(KernelSet kernels) : NetworkEngine
{
    private static readonly Lazy<ManagedEngine> s_default = new(() => new ManagedEngine(KernelSet.Default));

    /// <summary>The widest kernels this CPU accelerates.</summary>
    public static ManagedEngine Default => s_default.Value;

    public KernelSet Kernels { get; } = kernels;

    public override string Description => Kernels.Description;

    public override NetworkSession CreateSession(BlazeFaceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new ManagedSession(model, model.Compile(Kernels).Network);
    }
}
