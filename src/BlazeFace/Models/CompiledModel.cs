using BlazeFace.Kernels;
using BlazeFace.Network;
using BlazeFace.Network.Loading;

namespace BlazeFace.Models;

/// <summary>
/// The immutable half of running a model on one kernel set, built once and shared by every detector, session and
/// thread: the checked graph with its weights converted and packed, and its activation layout. What a single call
/// writes lives in a working set (<see cref="NetworkActivations"/> and result buffers), never here.
/// </summary>
/// <remarks>XNNPACK splits an operator into create and run, ONNX Runtime a session from a run's buffers; this is the create half.</remarks>
internal sealed class CompiledModel
{
    public CompiledModel(BlazeFaceModel model, KernelSet kernels)
    {
        Model = model;
        Kernels = kernels;
        (Network, Weights) = NetworkCompiler.Compile(model.File, model.Entry, kernels);
    }

    public BlazeFaceModel Model { get; }

    public KernelSet Kernels { get; }

    public CompiledNetwork Network { get; }

    /// <summary>Where each weight lives in the file, for the ONNX export.</summary>
    public WeightSources Weights { get; }
}
