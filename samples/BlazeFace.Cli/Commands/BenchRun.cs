using System.Diagnostics;
using System.Text.Json;
using BlazeFace.Imaging;
using BlazeFace.Network;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// The bench measurements: medians of the network alone and of the whole <c>Detect</c> after warm-up, the bytes one
/// <c>Detect</c> allocates, and <c>detect_per_second</c>, the throughput of N x T images through
/// <see cref="FaceDetector.DetectBatch"/> on T threads (so runs with different T compare directly), and
/// <c>kernels</c>, the engine's description (vector width and FMA: what a Native AOT instruction set changes). With
/// --mesh also <c>mesh_inference_ms_median</c> (the landmark network alone), <c>detect_mesh_ms_median</c> (detection
/// and mesh of the best face, <see cref="FaceLandmarker.Detect(ImageView, Span{FaceMesh}, out int, ImageProcessingOptions)"/>),
/// <c>allocated_bytes_per_detect_mesh</c> and <c>mesh_faces</c> (faces mapped per call: 0 means the image has no face
/// the mesh accepts, so the figure is the detector's alone).
/// </summary>
internal sealed class BenchRun(BlazeFaceModel model, ImageBuffer frame, int iterations, int threads, bool mesh = false)
{
    public void WriteJson(Stream destination, string modelArgument)
    {
        int warmup = Math.Max(20, iterations / 10);
        double inferenceMedian = MedianInference(warmup);
        using var detector = new FaceDetector(new FaceDetectorOptions { Model = model });
        var (detectMedian, allocated) = MedianDetect(detector, warmup);
        double throughput = Throughput(detector, warmup);

        using var json = new Utf8JsonWriter(destination);
        json.WriteStartObject();
        json.WriteString("model", modelArgument);
        json.WriteNumber("iterations", iterations);
        json.WriteNumber("threads", threads);
        json.WriteNumber("inference_ms_median", Math.Round(inferenceMedian, 4));
        json.WriteNumber("detect_ms_median", Math.Round(detectMedian, 4));
        json.WriteNumber("allocated_bytes_per_detect", allocated);
        json.WriteNumber("detect_per_second", Math.Round(throughput, 1));
        json.WriteString("kernels", detector.Engine.Description);
        if (mesh)
        {
            WriteMesh(json, warmup);
        }

        json.WriteEndObject();
        json.Flush();
        destination.WriteByte((byte)'\n');
        destination.Flush();
    }

    /// <summary>The face mesh's figures, with the same detector model and the landmarker's defaults (one face).</summary>
    private void WriteMesh(Utf8JsonWriter json, int warmup)
    {
        double inference = MedianInference(BlazeFaceModel.FaceLandmarks, warmup);
        using var landmarker = new FaceLandmarker(new FaceLandmarkerOptions { Detector = new FaceDetectorOptions { Model = model } });
        var meshes = new FaceMesh[1];
        int faces = 0;
        double median = Median(warmup, () => faces = landmarker.Detect(frame.AsView(), meshes, out _));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < iterations; i++)
        {
            landmarker.Detect(frame.AsView(), meshes, out _);
        }

        json.WriteNumber("mesh_inference_ms_median", Math.Round(inference, 4));
        json.WriteNumber("detect_mesh_ms_median", Math.Round(median, 4));
        json.WriteNumber("allocated_bytes_per_detect_mesh", (GC.GetAllocatedBytesForCurrentThread() - before) / iterations);
        json.WriteNumber("mesh_faces", faces);
    }

    /// <summary>The network alone, on a fixed input: its cost does not depend on the pixels.</summary>
    private double MedianInference(int warmup) => MedianInference(model, warmup);

    private double MedianInference(BlazeFaceModel network, int warmup)
    {
        using NetworkSession session = network.CreateSession();
        Span<float> input = session.Input;
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = MathF.Sin(0.37f * i) * 0.9f;
        }

        return Median(warmup, session.Run);
    }

    private (double Median, long AllocatedBytes) MedianDetect(FaceDetector detector, int warmup)
    {
        double median = Median(warmup, () => detector.Detect(frame.AsView()));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < iterations; i++)
        {
            detector.Detect(frame.AsView());
        }

        return (median, (GC.GetAllocatedBytesForCurrentThread() - before) / iterations);
    }

    /// <summary>
    /// Images per second through <see cref="FaceDetector.DetectBatch"/> spread over the threads: the median of five
    /// batches of N x T images, since one batch on a shared machine can lose a core to a neighbour.
    /// </summary>
    private double Throughput(FaceDetector detector, int warmup)
    {
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

    private double Median(int warmup, Action action)
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
