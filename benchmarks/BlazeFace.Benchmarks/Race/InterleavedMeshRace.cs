using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BlazeFace.OnnxRuntime;
using BlazeFace.Tests.Support;

namespace BlazeFace.Benchmarks.Race;

/// <summary>
/// <c>mesh-race</c>: the face mesh's speed figures in one sitting, on a shared machine. Each round times, call by call
/// and alternately, the landmark network on the managed engine and on ONNX Runtime (its exported graph, one thread),
/// then a 640x480 video frame through <see cref="FaceTracker"/> (detector, no mesh) and through
/// <see cref="FaceLandmarker.Track(Imaging.ImageView, TimeSpan, Span{FaceMesh}, out int, ImageProcessingOptions)"/>
/// (mesh), then the astronaut photo's detection and mesh; and, given the reference runner, TFLite's WASM build with
/// XNNPACK on the same model file (<c>node run.js time</c>, one thread) between the rounds, so that every competitor
/// sees the same load. Prints the CPU family and the load average with every round.
/// <code>dotnet run -c Release --project benchmarks/BlazeFace.Benchmarks -- mesh-race [--rounds 3] [--calls 1000] [--tflite /tmp/tflite-reference/run.js]</code>
/// </summary>
internal static class InterleavedMeshRace
{
    private static readonly TimeSpan FrameInterval = TimeSpan.FromMilliseconds(33);

    public static int Run(string[] args)
    {
        int rounds = 3, calls = 1000;
        string? tflite = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--calls": calls = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--tflite": tflite = args[++i]; break;
                default:
                    Console.Error.WriteLine($"mesh-race: unknown argument '{args[i]}'. Usage: mesh-race [--rounds R] [--calls N] [--tflite PATH/run.js]");
                    return 1;
            }
        }

        string modelFile = Path.Combine(RepositoryRoot(), "assets", "models", "face_landmark.tflite");
        RgbImage photo = FixturePhotos.Load("astronaut");
        byte[] frame = BenchmarkFrame.Pixels;
        using NetworkSession managed = BlazeFaceModel.FaceLandmarks.CreateSession();
        using Microsoft.ML.OnnxRuntime.SessionOptions sessionOptions = OnnxRuntimeSessions.OneThread();
        using var engine = new OnnxRuntimeEngine(sessionOptions);
        using NetworkSession onnx = engine.CreateSession(BlazeFaceModel.FaceLandmarks);
        MeshCrop.Fill(managed, photo);
        managed.Input.CopyTo(onnx.Input);
        using var detector = new FaceDetector();
        var tracker = new FaceTracker(detector);
        using var videoLandmarker = new FaceLandmarker();
        using var photoLandmarker = new FaceLandmarker();
        var tracked = new TrackedFace[4];
        var meshes = new FaceMesh[1];
        var photoMeshes = new FaceMesh[1];
        TimeSpan trackerTime = TimeSpan.Zero, meshTime = TimeSpan.Zero;

        Console.WriteLine($"CPU: {CpuFamily()}; kernels: {NetworkEngine.Managed.Description}; {Environment.ProcessorCount} cores; {calls} calls per case per round");
        Console.WriteLine("| round | load (1 min) | managed network min / median ms | ONNX Runtime min / median ms | ORT / managed (median) | TFLite WASM min / median ms | TFLite / managed (median) | video without mesh ms (fps) | video with mesh ms (fps) | photo detect + mesh ms |");
        Console.WriteLine("| ---: | ---: | --- | --- | ---: | --- | ---: | --- | --- | ---: |");
        var summary = new List<double[]>();
        for (int round = 1; round <= rounds; round++)
        {
            string load = LoadAverage();
            (double Min, double Median) tfliteTimes = tflite is null ? (double.NaN, double.NaN) : TimeTflite(tflite, modelFile, calls);
            double[][] network = Interleave(calls, managed.Run, onnx.Run);
            double[][] video = Interleave(
                calls,
                () => tracker.Track(BenchmarkFrame.View(frame), trackerTime += FrameInterval, tracked, out _),
                () => videoLandmarker.Track(BenchmarkFrame.View(frame), meshTime += FrameInterval, meshes, out _));
            double[] mapped = Interleave(calls, () => photoLandmarker.Detect(photo.AsView(), photoMeshes, out _))[0];
            (double min, double median) m = Quantiles(network[0]), o = Quantiles(network[1]), withoutMesh = Quantiles(video[0]), withMesh = Quantiles(video[1]), photoMesh = Quantiles(mapped);
            summary.Add([m.median, o.median, tfliteTimes.Median, withoutMesh.median, withMesh.median, photoMesh.median]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {round} | {load} | {m.min:0.000} / {m.median:0.000} | {o.min:0.000} / {o.median:0.000} | {o.median / m.median:0.00}x | {tfliteTimes.Min:0.000} / {tfliteTimes.Median:0.000} | {tfliteTimes.Median / m.median:0.00}x | {withoutMesh.median:0.000} ({1000 / withoutMesh.median:0}) | {withMesh.median:0.000} ({1000 / withMesh.median:0}) | {photoMesh.median:0.000} |"));
        }

        double[] mid = [.. Enumerable.Range(0, 6).Select(c => summary.Select(r => r[c]).Order().ElementAt(summary.Count / 2))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Median of the rounds' medians: managed {mid[0]:0.000} ms, ONNX Runtime {mid[1]:0.000} ms ({mid[1] / mid[0]:0.00}x), TFLite WASM {mid[2]:0.000} ms ({mid[2] / mid[0]:0.00}x); video {1000 / mid[3]:0} fps without mesh, {1000 / mid[4]:0} fps with mesh; photo detect + mesh {mid[5]:0.000} ms; load now {LoadAverage()}"));
        return 0;
    }

    /// <summary>Runs the cases alternately, one call each, <paramref name="calls"/> times after a tenth as many unmeasured; each call's milliseconds.</summary>
    private static double[][] Interleave(int calls, params Action[] cases)
    {
        double[][] ms = [.. cases.Select(_ => new double[calls])];
        for (int i = -calls / 10; i < calls; i++)
        {
            for (int c = 0; c < cases.Length; c++)
            {
                long start = Stopwatch.GetTimestamp();
                cases[c]();
                double elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (i >= 0)
                {
                    ms[c][i] = elapsed;
                }
            }
        }

        return ms;
    }

    private static (double Min, double Median) Quantiles(double[] values)
    {
        double[] sorted = [.. values.Order()];
        return (sorted[0], sorted[sorted.Length / 2]);
    }

    /// <summary>TFLite's <c>Invoke()</c> alone, timed by the reference runner in its own process (one thread, 50 warm-up runs).</summary>
    private static (double Min, double Median) TimeTflite(string runner, string modelFile, int calls)
    {
        var start = new ProcessStartInfo("node", [runner, "time", modelFile, calls.ToString(CultureInfo.InvariantCulture), "1"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        using JsonDocument json = JsonDocument.Parse(line);
        return (json.RootElement.GetProperty("min_ms").GetDouble(), json.RootElement.GetProperty("median_ms").GetDouble());
    }

    private static string CpuFamily()
    {
        string? family = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("cpu family", StringComparison.Ordinal)) : null;
        string? name = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return $"{name?.Split(':')[1].Trim() ?? "unknown"}, family {family?.Split(':')[1].Trim() ?? "?"}";
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BlazeFace.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run mesh-race from inside the repository: it times TFLite on assets/models/face_landmark.tflite.");
    }
}
