using System.Collections.Concurrent;

namespace BlazeFace.Cli.Batch;

/// <summary>
/// Runs items through three stages at once, read ‖ process ‖ write: <c>jobs</c> threads read (open and decode),
/// <c>jobs</c> threads process (detect, write per-item files), and the calling thread writes each result in input
/// order. Bounded throughout: at most <see cref="Window"/> items are anywhere between the start of their read and
/// the end of their write, so at most that many decoded images are alive, whatever the length of the run.
/// </summary>
/// <remarks>
/// <para>
/// The window also bounds the reordering: results that finish ahead of an earlier, slower item wait for it, and while
/// the window is full no new item starts. Reads take items in input order.
/// </para>
/// <para>
/// A stop (Ctrl+C) ends the reading of new items; every item already started goes through processing and is written,
/// so a stopped run's output is whole, in order, and ends with the last item started. An exception escaping a stage
/// (a fault of the CLI's own; per-item failures are results) stops the run too and is rethrown once every thread has
/// ended; read items no stage will process are discarded.
/// </para>
/// </remarks>
/// <typeparam name="TRead">What reading an item gives (a decoded image, or why it could not be read).</typeparam>
/// <typeparam name="TResult">What processing gives, for the writer.</typeparam>
internal sealed class OrderedPipeline<TRead, TResult>
{
    private readonly int _jobs;
    private readonly Func<int, TRead> _read;
    private readonly Func<TRead, TResult> _process;
    private readonly Action<int, TResult> _write;
    private readonly Action<TRead> _discard;

    /// <param name="jobs">Threads per stage (reading and processing), at least 1.</param>
    /// <param name="read">Reads item i.</param>
    /// <param name="process">Processes one read item (and releases what it holds).</param>
    /// <param name="write">Writes item i's result; called in input order, on the thread that called <see cref="Run"/>.</param>
    /// <param name="discard">Releases a read item that will not be processed (after a fault).</param>
    public OrderedPipeline(int jobs, Func<int, TRead> read, Func<TRead, TResult> process, Action<int, TResult> write, Action<TRead> discard)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        (_jobs, _read, _process, _write, _discard) = (jobs, read, process, write, discard);
    }

    /// <summary>The most items between the start of their read and the end of their write: two per job.</summary>
    public int Window => 2 * _jobs;

    /// <summary>Runs items 0 to <paramref name="count"/> - 1, or until <paramref name="stop"/>.</summary>
    /// <returns>How many items were written: <paramref name="count"/> unless stopped.</returns>
    public int Run(int count, CancellationToken stop)
    {
        using var window = new SemaphoreSlim(Window, Window);
        using var faulted = new CancellationTokenSource();
        using var halt = CancellationTokenSource.CreateLinkedTokenSource(stop, faulted.Token);
        using var read = new BlockingCollection<(int Index, TRead Item)>(_jobs);
        using var processed = new BlockingCollection<(int Index, TResult Result)>(Window);
        var errors = new ConcurrentQueue<Exception>();
        int next = -1;

        Thread[] readers = Start("read", errors, faulted, () =>
        {
            // A stop ends the taking of new items only; an item read is always handed on, unless the run has faulted.
            while (Acquire(window, halt.Token))
            {
                int index = Interlocked.Increment(ref next);
                if (index >= count)
                {
                    window.Release();
                    return;
                }

                TRead item = _read(index);
                if (!TryAdd(read, (index, item), faulted.Token))
                {
                    _discard(item);
                    return;
                }
            }
        });
        Thread[] processors = Start("process", errors, faulted, () =>
        {
            foreach ((int index, TRead item) in read.GetConsumingEnumerable())
            {
                TryAdd(processed, (index, _process(item)), faulted.Token);
            }
        });

        var completion = new Thread(() =>
        {
            Array.ForEach(readers, thread => thread.Join());
            read.CompleteAdding();
            Array.ForEach(processors, thread => thread.Join());
            processed.CompleteAdding();
        }) { IsBackground = true, Name = "pipeline completion" };
        completion.Start();

        int written = WriteInOrder(processed, window, errors, faulted);
        completion.Join();
        foreach ((_, TRead left) in read)
        {
            _discard(left);
        }

        if (!errors.IsEmpty)
        {
            throw errors.Count == 1 && errors.TryPeek(out Exception? only) ? only : new AggregateException(errors);
        }

        return written;
    }

    /// <summary>Writes the results as they come, each once every earlier one is written; returns how many were.</summary>
    private int WriteInOrder(BlockingCollection<(int Index, TResult Result)> processed, SemaphoreSlim window, ConcurrentQueue<Exception> errors, CancellationTokenSource faulted)
    {
        int written = 0;
        var waiting = new Dictionary<int, TResult>();
        try
        {
            foreach ((int index, TResult result) in processed.GetConsumingEnumerable())
            {
                waiting.Add(index, result);
                while (waiting.Remove(written, out TResult? due))
                {
                    _write(written, due);
                    written++;
                    window.Release();
                }
            }
        }
        catch (Exception e)
        {
            errors.Enqueue(e);
            faulted.Cancel();
        }

        return written;
    }

    /// <summary>Adds to a bounded queue, waiting for room; false when the run faulted first.</summary>
    private static bool TryAdd<T>(BlockingCollection<T> queue, T item, CancellationToken faulted)
    {
        try
        {
            queue.Add(item, faulted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private Thread[] Start(string stage, ConcurrentQueue<Exception> errors, CancellationTokenSource faulted, Action work)
    {
        var threads = new Thread[_jobs];
        for (int i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(() =>
            {
                try
                {
                    work();
                }
                catch (Exception e)
                {
                    errors.Enqueue(e);
                    faulted.Cancel();
                }
            }) { IsBackground = true, Name = $"pipeline {stage} {i + 1}" };
            threads[i].Start();
        }

        return threads;
    }

    /// <summary>Takes a place in the window, or false once the run is stopped.</summary>
    private static bool Acquire(SemaphoreSlim window, CancellationToken stop)
    {
        try
        {
            window.Wait(stop);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
