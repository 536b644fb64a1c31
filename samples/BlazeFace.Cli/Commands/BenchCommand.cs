using BlazeFace.Network;
using System.Diagnostics;
using System.Text.Json;
using BlazeFace.Cli.Imaging;
using BlazeFace.Imaging;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// <c>bench IMAGE [--model short|full|FILE.tflite] [--iterations N] [--threads T]</c>: medians of the network alone
/// and of the whole <c>Detect</c> after warm-up, plus the bytes one <c>Detect</c> allocates, as one JSON line.
/// </summary>
/// <remarks>
/// <c>detect_per_second</c> is the throughput of N x T images through <see cref="FaceDetector.DetectBatch"/> on T
/// threads, so runs with different T compare directly.
/// </remarks>
internal static class BenchCommand
{
    private static readonly HashSet<string> ValueOptions = ["--model", "--iterations", "--threads"];

    public static int Run(IEnumerable<string> args, TextWriter output, TextWriter error)
    {
        var reader = new ArgumentReader(args, ValueOptions, new HashSet<string>());
        if (reader.Positional.Count != 1)
        {
            throw new CommandLineException("bench needs exactly one image.");
        }

        string modelArgument = reader.Value("--model") ?? "short";
        int iterations = reader.Int("--iterations") ?? 1000;
        int threads = reader.Int("--threads") ?? 1;
        RgbImage image;
        BlazeFaceModel model;
        try
        {
            image = ImageDecoder.DecodeFile(reader.Positional[0]);
            model = ModelArgument.Load(modelArgument);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }

        int warmup = Math.Max(20, iterations / 10);
        double inferenceMedian = MedianInference(model, image, warmup, iterations);
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = model });
        var (detectMedian, allocated) = MedianDetect(detector, image, warmup, iterations);
        double throughput = Throughput(detector, image, warmup, iterations, threads);

        using var json = new Utf8JsonWriter(Console.OpenStandardOutput());
        json.WriteStartObject();
        json.WriteString("model", modelArgument);
        json.WriteNumber("iterations", iterations);
        json.WriteNumber("threads", threads);
        json.WriteNumber("inference_ms_median", Math.Round(inferenceMedian, 4));
        json.WriteNumber("detect_ms_median", Math.Round(detectMedian, 4));
        json.WriteNumber("allocated_bytes_per_detect", allocated);
        json.WriteNumber("detect_per_second", Math.Round(throughput, 1));
        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
        return ExitCodes.Success;
    }

    private static double MedianInference(BlazeFaceModel model, RgbImage image, int warmup, int iterations)
    {
        using BlazeFaceNetworkSession session = model.CreateSession();
        session.SetInput(image.AsView());
        return Median(warmup, iterations, session.Run);
    }

    private static (double Median, long AllocatedBytes) MedianDetect(FaceDetector detector, RgbImage image, int warmup, int iterations)
    {
        double median = Median(warmup, iterations, () => detector.Detect(image.AsView()));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < iterations; i++)
        {
            detector.Detect(image.AsView());
        }

        return (median, (GC.GetAllocatedBytesForCurrentThread() - before) / iterations);
    }

    /// <summary>
    /// Images per second through <see cref="FaceDetector.DetectBatch"/> spread over <paramref name="threads"/> threads:
    /// the median of five batches of N x T images, since one batch on a shared machine can lose a core to a neighbour.
    /// </summary>
    private static double Throughput(FaceDetector detector, RgbImage image, int warmup, int iterations, int threads)
    {
        var frame = image.AsBuffer();
        detector.DetectBatch(Enumerable.Repeat(frame, warmup * threads).ToArray(), threads);
        ImageBuffer[] batch = Enumerable.Repeat(frame, iterations * threads).ToArray();
        double[] rates = new double[5];
        for (int i = 0; i < rates.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            detector.DetectBatch(batch, threads);
            rates[i] = batch.Length / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(rates);
        return rates[rates.Length / 2];
    }

    private static double Median(int warmup, int iterations, Action action)
    {
        for (int i = 0; i < warmup; i++)
        {
            action();
        }

        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            action();
            ms[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }

        Array.Sort(ms);
        return ms[iterations / 2];
    }
}
