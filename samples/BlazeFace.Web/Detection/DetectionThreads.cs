using System.Collections.Concurrent;
using BlazeFace.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BlazeFace.Web.Detection;

/// <summary>
/// Threads of their own for the CPU-bound work (decoding, detection, tracking), one per detection slot, so that
/// under load the thread pool stays free for what must stay quick: accepting connections, reading bodies, answering
/// 429s and <c>/healthz</c>. Run on the pool, a burst of uploads would keep its few threads busy with detections
/// while hundreds of cheap requests waited behind them.
/// </summary>
internal sealed class DetectionThreads : IDisposable
{
    private readonly BlockingCollection<Action> _work = [];
    private readonly Thread[] _threads;

    public DetectionThreads(IOptions<WebSampleOptions> options)
    {
        _threads = new Thread[options.Value.DetectionSlots];
        for (int i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"BlazeFace detection {i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a detection thread; the task completes with its result or exception.</summary>
    /// <remarks>Callers hold a <see cref="DetectionSlots"/> slot, so there are never more items than threads.</remarks>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _work.Add(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    public void Dispose()
    {
        _work.CompleteAdding();
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        _work.Dispose();
    }

    private void Work()
    {
        foreach (Action item in _work.GetConsumingEnumerable())
        {
            item();
        }
    }
}
