using System.Runtime.InteropServices;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM as a request to stop a command between frames or photos, so the results done so far stay
/// output and an annotated video is finalised instead of being cut off mid-file. A second signal ends the process
/// the usual way.
/// </summary>
/// <remarks>
/// System.CommandLine installs its own handler only around an action that is still running when its task is
/// returned, which a synchronous <c>Invoke</c> never is (measured: SIGTERM killed the process, exit code 143, the
/// annotated file unfinished).
/// </remarks>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly List<PosixSignalRegistration> _registrations = [];

    /// <param name="cancellation">A cancellation from elsewhere, which also stops the run.</param>
    public StopSignal(CancellationToken cancellation)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every platform delivers every signal; the others still stop the run.
            }
        }
    }

    /// <summary>Cancelled once a signal (or the outer cancellation) asks the run to stop.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (PosixSignalRegistration registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        _stop.Cancel();
    }
}
