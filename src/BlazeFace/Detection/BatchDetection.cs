using System.Runtime.ExceptionServices;
using BlazeFace.Imaging;

namespace BlazeFace.Detection;

/// <summary>Runs a detector over many images on several threads, with the argument checks and error reporting of a single call.</summary>
internal static class BatchDetection
{
    public static IReadOnlyList<FaceDetection>[] Run(FaceDetector detector, IReadOnlyList<ImageBuffer> images, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (maxDegreeOfParallelism == 0 || maxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 for one thread per core, or a positive count.");
        }

        // Checked before any work starts, so a bad element is reported as the caller's argument error rather than
        // surfacing from a worker thread.
        for (int i = 0; i < images.Count; i++)
        {
            if (images[i].Width == 0)
            {
                throw new ArgumentException($"images[{i}] is a default ImageBuffer with no pixels.", nameof(images));
            }
        }

        var results = new IReadOnlyList<FaceDetection>[images.Count];
        try
        {
            Parallel.For(0, images.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, i => results[i] = detector.Detect(images[i].AsView()));
        }
        catch (AggregateException error) when (error.InnerExceptions.Count > 0)
        {
            // Every worker fails the same way (a disposed detector, a broken custom stage): the first error is the
            // one to report, with its own type and stack, as a sequential loop would.
            ExceptionDispatchInfo.Capture(error.InnerExceptions[0]).Throw();
            throw;
        }

        return results;
    }
}
