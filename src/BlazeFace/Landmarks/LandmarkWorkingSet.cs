using BlazeFace.Imaging;
using BlazeFace.Preprocessing;

namespace BlazeFace.Landmarks;

/// <summary>
/// Everything one landmarker call writes to, and nothing else: the engine's session for the landmark network, the
/// detections of the call, and meshes to fill before they are copied out. Built once and reused, so a warm call
/// allocates nothing; a landmarker keeps one per concurrent caller, all over the same read-only
/// <see cref="LandmarkerSettings"/>.
/// </summary>
internal sealed class LandmarkWorkingSet : IDisposable
{
    private readonly LandmarkerSettings _settings;
    private readonly NetworkSession _session;
    private readonly FaceMesh?[] _meshes;

    /// <param name="settings">The landmarker's settings.</param>
    /// <param name="session">The engine's session of the landmark model, checked and then owned.</param>
    public LandmarkWorkingSet(LandmarkerSettings settings, NetworkSession session)
    {
        CheckSession(settings, session);
        _settings = settings;
        _session = session;
        Detections = new FaceDetection[settings.MaxFaces];
        _meshes = new FaceMesh?[settings.MaxFaces];
    }

    /// <summary>Room for the detections of one call: the best <see cref="LandmarkerSettings.MaxFaces"/>.</summary>
    public FaceDetection[] Detections { get; }

    /// <summary>Whether colour pixels are cropped with 4-wide vectors; tests turn it off to check the per-channel loop.</summary>
    internal bool UseVectors { get; init; } = BilinearRowSampler.IsVectorised;

    /// <summary>The working set's mesh <paramref name="index"/> (below MaxFaces), created on first use.</summary>
    public FaceMesh Mesh(int index) => _meshes[index] ??= new FaceMesh();

    /// <summary>
    /// Runs the landmark model on one region: crop, network, presence, and (when the face is present) the landmarks
    /// projected into the image, all written to <paramref name="destination"/>.
    /// </summary>
    /// <returns>Whether the face is present: its presence score above the threshold (strictly, as MediaPipe's ThresholdingCalculator).</returns>
    public bool Run(ImageView image, in RotatedBox region, FaceDetection? detection, long trackId, FaceMesh destination)
    {
        int size = _settings.InputSize;
        RegionCrop.Sample(image, region, size, UseVectors, _session.Input);
        _session.Run();
        float presence = Sigmoid(_session.GetOutput(1)[0]);
        bool present = presence > _settings.MinPresence;
        if (present)
        {
            LandmarkProjection.ToImage(_session.GetOutput(0), size, region, destination.Storage);
        }

        destination.Set(trackId, detection, region, presence, present);
        return present;
    }

    /// <summary>Releases the engine's session.</summary>
    public void Dispose() => _session.Dispose();

    /// <summary>MediaPipe's TensorsToFloatsCalculator with SIGMOID. NaN (a broken engine) gives NaN, which no threshold accepts.</summary>
    private static float Sigmoid(float logit) => (float)(1.0 / (1.0 + Math.Exp(-(double)logit)));

    /// <summary>An engine's session must have the landmark model's buffers; checked once, when the landmarker is made.</summary>
    private static void CheckSession(LandmarkerSettings settings, NetworkSession session)
    {
        BlazeFaceModel model = settings.Model;
        string engine = settings.Engine.GetType().FullName ?? "the engine";
        string? wrong = !ReferenceEquals(session.Model, model) ? $"a session of the {session.Model.Name} model"
            : session.Input.Length != model.InputSize * model.InputSize * 3 ? $"an input of {session.Input.Length} values, not {model.InputSize}x{model.InputSize}x3"
            : session.GetOutput(0).Length != 3 * FaceMesh.LandmarkCount || session.GetOutput(1).Length != 1
                ? $"outputs of {session.GetOutput(0).Length} and {session.GetOutput(1).Length} values, not {3 * FaceMesh.LandmarkCount} and 1"
            : null;
        if (wrong is not null)
        {
            session.Dispose();
            throw new InvalidOperationException($"{engine} made {wrong} for the {model.Name} model.");
        }
    }
}
