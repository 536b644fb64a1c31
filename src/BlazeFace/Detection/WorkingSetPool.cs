namespace BlazeFace.Detection;

/// <summary>
/// Working sets lent to concurrent calls: one each, created the first time that many calls overlap and reused
/// afterwards, and an orderly shutdown. Disposing releases the idle sets at once and each busy one when its call
/// returns it, so disposing while another thread is inside a call never frees what that call is using.
/// </summary>
/// <typeparam name="T">The working set: everything one call writes to.</typeparam>
internal sealed class WorkingSetPool<T> : IDisposable
    where T : class, IDisposable
{
    private readonly object _owner;
    private readonly Func<T> _create;
    private readonly Stack<T> _idle = new();
    private bool _disposed;

    /// <param name="owner">The public object, named by <see cref="ObjectDisposedException"/>.</param>
    /// <param name="create">Creates one working set.</param>
    public WorkingSetPool(object owner, Func<T> create)
    {
        _owner = owner;
        _create = create;

        // One working set up front: most callers use a single thread, and a bad engine fails at construction.
        _idle.Push(create());
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming the owner once disposed.</summary>
    public void ThrowIfDisposed()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, _owner);
        }
    }

    /// <summary>Borrows a working set; give it back with <see cref="Return"/>.</summary>
    /// <exception cref="ObjectDisposedException">The pool has been disposed.</exception>
    public T Rent()
    {
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, _owner);
            if (_idle.TryPop(out T? workingSet))
            {
                return workingSet;
            }
        }

        return _create();
    }

    /// <summary>Gives a working set back; after disposal it is released instead.</summary>
    public void Return(T workingSet)
    {
        lock (_idle)
        {
            if (!_disposed)
            {
                _idle.Push(workingSet);
                return;
            }
        }

        workingSet.Dispose();
    }

    /// <summary>Releases the idle working sets now and the busy ones as they come back. Safe to call more than once.</summary>
    public void Dispose()
    {
        lock (_idle)
        {
            _disposed = true;
            while (_idle.TryPop(out T? workingSet))
            {
                workingSet.Dispose();
            }
        }
    }
}
