using BlazeFace.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BlazeFace.Web.Tracking;

/// <summary>The open tracking WebSockets, at most <see cref="WebSampleOptions.MaxWebSockets"/>.</summary>
internal sealed class OpenSocketCount(IOptions<WebSampleOptions> options)
{
    private readonly int _limit = options.Value.MaxWebSockets;
    private int _open;

    /// <summary>Counts one more socket if there is room; false when the limit is reached.</summary>
    public bool TryOpen()
    {
        if (Interlocked.Increment(ref _open) <= _limit)
        {
            return true;
        }

        Interlocked.Decrement(ref _open);
        return false;
    }

    public void Close() => Interlocked.Decrement(ref _open);
}
