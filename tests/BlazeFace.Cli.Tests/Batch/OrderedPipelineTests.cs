using BlazeFace.Cli.Batch;

namespace BlazeFace.Cli.Tests.Batch;

/// <summary>
/// The read ‖ process ‖ write pipeline: results in input order whatever order the work finishes in, never more than
/// its window of items alive, a stop that finishes and writes every item started, and faults that surface.
/// </summary>
public class OrderedPipelineTests
{
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(8)]
    public void Results_are_written_in_input_order_whatever_order_the_items_finish_in(int jobs)
    {
        var written = new List<int>();
        var pipeline = new OrderedPipeline<int, int>(
            jobs,
            read: index =>
            {
                Thread.Sleep(Delay(index));
                return index;
            },
            process: item =>
            {
                Thread.Sleep(Delay(item * 7));
                return item * 10;
            },
            write: (index, result) =>
            {
                Assert.That(result, Is.EqualTo(index * 10));
                written.Add(index);
            },
            discard: _ => { });

        int count = pipeline.Run(200, CancellationToken.None);

        Assert.That(count, Is.EqualTo(200));
        Assert.That(written, Is.EqualTo(Enumerable.Range(0, 200)));
    }

    [TestCase(1)]
    [TestCase(4)]
    public void No_more_items_than_the_window_are_alive_between_read_and_write(int jobs)
    {
        int alive = 0;
        int mostAlive = 0;
        var pipeline = new OrderedPipeline<int, int>(
            jobs,
            read: index =>
            {
                int now = Interlocked.Increment(ref alive);
                InterlockedMax(ref mostAlive, now);
                return index;
            },

            // Item 0 is slow: everything after it piles up behind it, as far as the window lets it.
            process: item =>
            {
                Thread.Sleep(item == 0 ? 200 : 1);
                return item;
            },
            write: (_, _) => Interlocked.Decrement(ref alive),
            discard: _ => { });

        pipeline.Run(100, CancellationToken.None);

        Assert.That(mostAlive, Is.EqualTo(pipeline.Window), "the window fills while the first item is slow, and no further");
        Assert.That(pipeline.Window, Is.EqualTo(2 * jobs));
    }

    [Test]
    public void A_stop_finishes_and_writes_every_item_started_and_starts_no_more()
    {
        using var stop = new CancellationTokenSource();
        int started = 0;
        var written = new List<int>();
        var pipeline = new OrderedPipeline<int, int>(
            2,
            read: index =>
            {
                Interlocked.Increment(ref started);
                if (index == 10)
                {
                    stop.Cancel();
                }

                Thread.Sleep(5);
                return index;
            },
            process: item => item,
            write: (index, _) => written.Add(index),
            discard: _ => Assert.Fail("nothing started is discarded on a stop"));

        int count = pipeline.Run(1000, stop.Token);

        Assert.That(count, Is.EqualTo(started));
        Assert.That(written, Is.EqualTo(Enumerable.Range(0, started)), "whole and in order");
        Assert.That(started, Is.InRange(11, 11 + pipeline.Window));
    }

    [Test]
    public void A_fault_in_a_stage_ends_the_run_and_is_rethrown_with_unprocessed_items_discarded()
    {
        int discarded = 0;
        int read = 0;
        int processed = 0;
        var pipeline = new OrderedPipeline<int, int>(
            2,
            read: index =>
            {
                Interlocked.Increment(ref read);
                return index;
            },
            process: item =>
            {
                Interlocked.Increment(ref processed);
                return item == 5 ? throw new InvalidOperationException("a bug") : item;
            },
            write: (_, _) => { },
            discard: _ => Interlocked.Increment(ref discarded));

        var error = Assert.Throws<InvalidOperationException>(() => pipeline.Run(1000, CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo("a bug"));
        Assert.That(read, Is.LessThan(1000), "no new items after the fault");
        Assert.That(processed + discarded, Is.EqualTo(read), "every item read is processed or discarded");
    }

    [Test]
    public void No_items_is_no_work() =>
        Assert.That(new OrderedPipeline<int, int>(2, i => i, i => i, (_, _) => Assert.Fail(), _ => { }).Run(0, CancellationToken.None), Is.Zero);

    private static int Delay(int index) => (index * 37 % 11) % 4;

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
