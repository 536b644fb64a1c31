using System.Diagnostics;

namespace BlazeFace.Web.Tests.Load;

/// <summary>Samples this process's working set every 20 ms from creation to disposal: the peak above the first sample.</summary>
internal sealed class MemoryWatch : IDisposable
{
    private readonly long _baseline;
    private readonly Timer _timer;
    private long _peak;

    public MemoryWatch()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        _baseline = WorkingSet();
        _peak = _baseline;
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(20));
    }

    public long PeakGrowthBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak) - _baseline;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        long now = WorkingSet();
        long peak;
        while (now > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }
    }

    private static long WorkingSet()
    {
        using Process process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
