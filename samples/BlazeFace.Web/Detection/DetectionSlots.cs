using System.Threading.RateLimiting;
using BlazeFace.Web.Hosting;
using Microsoft.Extensions.Options;

namespace BlazeFace.Web.Detection;

/// <summary>
/// The bound on CPU work: an image is decoded and searched only while holding one of
/// <see cref="WebSampleOptions.DetectionSlots"/> slots, shared by <c>POST /api/detect</c> and every tracking
/// WebSocket. Up to <see cref="WebSampleOptions.MaxQueuedRequests"/> requests wait for a slot, oldest first; past
/// them a request is refused at once (429), so neither latency nor memory grows with the load.
/// </summary>
internal sealed class DetectionSlots(IOptions<WebSampleOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.DetectionSlots,
        QueueLimit = options.Value.MaxQueuedRequests,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>Waits for a slot in the queue, or returns a lease that is not acquired when the queue is full.</summary>
    public ValueTask<RateLimitLease> EnterAsync(CancellationToken cancellation) => _limiter.AcquireAsync(1, cancellation);

    public void Dispose() => _limiter.Dispose();
}
