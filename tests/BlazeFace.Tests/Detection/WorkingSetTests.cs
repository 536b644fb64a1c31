using System.Runtime.CompilerServices;
using BlazeFace;
using BlazeFace.Detection;
using BlazeFace.Engines;
using BlazeFace.Kernels;
using BlazeFace.Models;
using BlazeFace.PostProcessing;
using BlazeFace.Tests.Support;

namespace BlazeFace.Tests.Detection;

/// <summary>
/// The compiled model (checked graph, packed weights, anchors) is built once and shared; each concurrent caller adds
/// only a working set: the activation arena and the candidate and result buffers.
/// </summary>
public class WorkingSetTests
{
    // The converter's resampling plan and the objects' headers: a few kilobytes, never a weight tensor.
    private const long SmallOverheadBytes = 16 * 1024;

    [TestCase(BundledModel.ShortRange)]
    [TestCase(BundledModel.FullRange)]
    [TestCase(BundledModel.BackCamera)]
    public void Another_concurrent_caller_allocates_its_arena_and_result_buffers_and_not_the_weights(BundledModel kind)
    {
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = kind.Load() });
        DetectorSettings settings = detector.Settings;
        long arena = (long)settings.Model.Compile(KernelSet.Default).Network.FusedPlan.ArenaLength * sizeof(float);
        long buffers = ((long)settings.Model.AnchorCount * Unsafe.SizeOf<FaceCandidate>())
            + ((long)settings.MaxFaces * (Unsafe.SizeOf<FaceCandidate>() + Unsafe.SizeOf<FaceDetection>()));

        long allocated = BytesOfOneWorkingSet(detector);

        long compiled = AllocationProbe.FewestBytesPerCall(() => _ = new CompiledModel(settings.Model, KernelSet.Default), warmUpCalls: 0, measuredCalls: 1);
        TestContext.Out.WriteLine($"{kind}: a working set allocates {allocated / 1024} KiB (arena {arena / 1024} KiB, buffers {buffers / 1024} KiB); compiling the model allocates {compiled / 1024} KiB");
        Assert.That(allocated, Is.InRange(arena + buffers, arena + buffers + SmallOverheadBytes));
    }

    [Test]
    public void Detectors_and_sessions_of_one_model_share_one_compiled_network()
    {
        using var first = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange });
        using var second = new FaceDetector(new FaceDetectorOptions { Model = BlazeFaceModel.FullRange, NonMaxSuppression = NonMaxSuppressionKind.Hard });

        using NetworkSession firstSession = first.Engine.CreateSession(first.Model);
        using NetworkSession secondSession = second.Engine.CreateSession(second.Model);

        Assert.That(second.Model, Is.SameAs(first.Model));
        Assert.That(((ManagedSession)secondSession).Network, Is.SameAs(((ManagedSession)firstSession).Network));
        Assert.That(((ManagedSession)secondSession).Network, Is.SameAs(BlazeFaceModel.FullRange.Compile(KernelSet.Default).Network));
    }

    [Test]
    public void A_second_detector_on_a_loaded_model_compiles_nothing()
    {
        BlazeFaceModel model = BlazeFaceModel.ShortRange;
        using var warm = new FaceDetector(new FaceDetectorOptions { Model = model });
        long workingSet = BytesOfOneWorkingSet(warm);

        long allocated = AllocationProbe.FewestBytesPerCall(() => new FaceDetector(new FaceDetectorOptions { Model = model }).Dispose(), warmUpCalls: 0);

        Assert.That(allocated, Is.LessThan(workingSet + SmallOverheadBytes));
    }

    [Test]
    public void The_anchors_are_generated_once_per_model()
    {
        ReadOnlySpan<Anchor> first = BlazeFaceModel.ShortRange.Anchors;
        ReadOnlySpan<Anchor> second = BlazeFaceModel.ShortRange.Anchors;

        Assert.That(Unsafe.AreSame(ref Unsafe.AsRef(in first[0]), ref Unsafe.AsRef(in second[0])), Is.True);
    }

    /// <summary>What creating one more working set (a session and its buffers) for the detector allocates.</summary>
    private static long BytesOfOneWorkingSet(FaceDetector detector) => AllocationProbe.FewestBytesPerCall(
        () => GC.KeepAlive(new DetectionWorkingSet(detector.Settings, detector.Engine.CreateSession(detector.Model))),
        warmUpCalls: 0);
}
