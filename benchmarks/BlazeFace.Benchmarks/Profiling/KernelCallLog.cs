using System.Diagnostics;

namespace BlazeFace.Benchmarks.Profiling;

/// <summary>
/// The kernel calls of repeated forward passes: the n-th call of every pass is the same layer, so each call index
/// collects one duration per pass, and its median is that layer's time.
/// </summary>
internal sealed class KernelCallLog
{
    private readonly List<KernelCall> _calls = [];
    private readonly List<List<long>> _ticks = [];
    private int _next;

    /// <summary>The calls of one pass, in order.</summary>
    public IReadOnlyList<KernelCall> Calls => _calls;

    /// <summary>Marks the start of a forward pass.</summary>
    public void BeginPass() => _next = 0;

    /// <summary>Records one call that started at <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) and has just ended.</summary>
    public void Record(long startTimestamp, Func<KernelCall> describe)
    {
        long elapsed = Stopwatch.GetTimestamp() - startTimestamp;
        if (_next == _calls.Count)
        {
            _calls.Add(describe());
            _ticks.Add([]);
        }

        _ticks[_next++].Add(elapsed);
    }

    /// <summary>The median duration of call <paramref name="index"/> over all passes, in microseconds.</summary>
    public double MedianMicroseconds(int index)
    {
        long[] sorted = [.. _ticks[index].Order()];
        return sorted[sorted.Length / 2] * 1e6 / Stopwatch.Frequency;
    }

    /// <summary>Forgets the durations recorded so far (after warm-up), keeping the call descriptions.</summary>
    public void ClearDurations()
    {
        foreach (List<long> ticks in _ticks)
        {
            ticks.Clear();
        }
    }
}

/// <summary>One kernel call: what it computes, its arithmetic and the bytes it must at least read and write.</summary>
/// <param name="Kernel">The operation, e.g. "pointwise".</param>
/// <param name="Shape">The layer's shapes, e.g. "64x64x24 -> 28".</param>
/// <param name="Flops">Floating-point operations (a multiply-add counts two).</param>
/// <param name="Bytes">Input, output and weight bytes.</param>
internal readonly record struct KernelCall(string Kernel, string Shape, double Flops, double Bytes);
