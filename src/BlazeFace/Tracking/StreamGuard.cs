namespace BlazeFace.Tracking;

/// <summary>
/// The gate of an object that holds one video stream's state (<see cref="FaceTracker"/>, <see cref="FaceLandmarker"/>'s
/// video mode): a call enters and leaves, and a call that overlaps another is refused rather than left to corrupt the
/// state. Successive calls may come from different threads.
/// </summary>
/// <param name="overlapping">What an overlapping call is told: which object, and to use one per stream.</param>
internal sealed class StreamGuard(string overlapping)
{
    private int _busy;

    /// <summary>Enters; pair with <see cref="Exit"/> in a finally block.</summary>
    /// <exception cref="InvalidOperationException">Another call is inside.</exception>
    public void Enter()
    {
        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            throw new InvalidOperationException(overlapping);
        }
    }

    /// <summary>Leaves, letting the next call in.</summary>
    public void Exit() => Volatile.Write(ref _busy, 0);
}
