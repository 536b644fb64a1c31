using BlazeFace.Imaging;
using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Projection;
using BlazeFace.Preprocessing;
using BlazeFace.Search;

namespace BlazeFace.Detection;

/// <summary>
/// Everything one Detect call writes to, and nothing else: the engine's session (input and output buffers), the
/// resampling plan, candidate and result buffers. Built once and reused, so a warmed-up call allocates nothing; a
/// detector keeps one per concurrent caller, all over the same read-only <see cref="DetectorSettings"/>. Searches over
/// several windows (tiles, orientations) add a <see cref="WindowSearch"/>, created on first use.
/// </summary>
internal sealed class DetectionWorkingSet : IWindowDetector, IDisposable
{
    private readonly DetectorSettings _settings;
    private readonly NetworkSession _session;
    private readonly ImageToTensorConverter _converter;
    private readonly FaceCandidate[] _candidates;
    private readonly FaceCandidate[] _survivors;
    private readonly FaceDetection[] _results;
    private WindowSearch? _search;

    /// <param name="settings">The detector's settings.</param>
    /// <param name="session">The engine's session for this working set, checked and then owned.</param>
    public DetectionWorkingSet(DetectorSettings settings, NetworkSession session)
    {
        CheckSession(settings, session);
        _settings = settings;
        _session = session;
        _converter = new ImageToTensorConverter(settings.InputSize, settings.InputSize, settings.ResizeMode);
        _candidates = new FaceCandidate[settings.Model.AnchorCount];
        _survivors = new FaceCandidate[settings.MaxFaces];
        _results = new FaceDetection[settings.MaxFaces];
    }

    /// <summary>
    /// Runs on an image, a region of it, turned, or over several windows (tiles, orientations); the results stay
    /// valid until the next call. Default options search the whole image as it is.
    /// </summary>
    /// <exception cref="ArgumentException">The image is a default view, or the region of interest does not fit it.</exception>
    public ReadOnlySpan<FaceDetection> Run(ImageView image, in ImageProcessingOptions options)
    {
        if (image.Width == 0)
        {
            throw new ArgumentException("The image view is uninitialised (default).", nameof(image));
        }

        ImageRegion region = options.RegionIn(image.Width, image.Height);
        if (!options.IsSingleWindow)
        {
            _search ??= new WindowSearch(_settings.Search);
            return _search.Run(image, region, options, this);
        }

        int size = _settings.InputSize;
        var transform = InputTransform.Create(image.Width, image.Height, size, size, _settings.ResizeMode, region, options.RotationDegrees);
        _converter.Convert(image, transform, _session.Input);
        ReadOnlySpan<FaceCandidate> survivors = RunNetworkAndSuppress();
        for (int i = 0; i < survivors.Length; i++)
        {
            _results[i] = ImageProjection.ToImage(transform, survivors[i], _settings.ClipToImage);
        }

        return _results.AsSpan(0, survivors.Length);
    }

    /// <inheritdoc/>
    public ReadOnlySpan<FaceCandidate> DetectWindow(ImageView image, in InputTransform transform)
    {
        _converter.Convert(image, transform, _session.Input);
        return RunNetworkAndSuppress();
    }

    /// <summary>Releases the engine's session.</summary>
    public void Dispose() => _session.Dispose();

    /// <summary>
    /// An engine's session must have the model's buffers; checking once here means a wrong engine fails when the
    /// detector is made, not with garbage or an out-of-range read on some later frame.
    /// </summary>
    private static void CheckSession(DetectorSettings settings, NetworkSession session)
    {
        BlazeFaceModel model = settings.Model;
        int anchors = model.AnchorCount;
        string engine = settings.Engine.GetType().FullName ?? "the engine";
        if (!ReferenceEquals(session.Model, model))
        {
            Throw($"a session of the {session.Model.Name} model");
        }

        if (session.Input.Length != model.InputSize * model.InputSize * 3)
        {
            Throw($"an input of {session.Input.Length} values, not {model.InputSize}x{model.InputSize}x3");
        }

        if (session.GetOutput(0).Length != anchors * 16 || session.GetOutput(1).Length != anchors)
        {
            Throw($"outputs of {session.GetOutput(0).Length} and {session.GetOutput(1).Length} values, not {anchors * 16} and {anchors}");
        }

        void Throw(string what)
        {
            session.Dispose();
            throw new InvalidOperationException($"{engine} made {what} for the {model.Name} model.");
        }
    }

    private ReadOnlySpan<FaceCandidate> RunNetworkAndSuppress()
    {
        _session.Run();
        IAnchorDecoder decoder = _settings.Decoder;
        int candidates = StageCount.Check(
            decoder.Decode(_settings.Model, _session.GetOutput(0), _session.GetOutput(1), _settings.MinScore, _candidates), _candidates.Length, "anchor decoder", decoder);
        INonMaxSuppression suppression = _settings.Suppression;
        int count = StageCount.Check(suppression.Suppress(_candidates.AsSpan(0, candidates), _survivors), _survivors.Length, "non-maximum suppression", suppression);
        return _survivors.AsSpan(0, count);
    }
}
