using BlazeFace.Imaging;
using BlazeFace.PostProcessing;
using BlazeFace.PostProcessing.Projection;
using BlazeFace.PostProcessing.Suppression;
using BlazeFace.Preprocessing;

namespace BlazeFace.Search;

/// <summary>
/// A search over several windows of one image: every orientation of <see cref="ImageProcessingOptions.AutoRotate"/>,
/// and within each, the whole region and the tiles of <see cref="ImageProcessingOptions.Tiling"/>. Owns the buffers
/// that collect the windows' faces, so a warmed-up search allocates nothing; one per working set, not thread-safe.
/// </summary>
/// <remarks>
/// Within one orientation every window is a rectangle of the same turned canvas, so their faces are merged there,
/// boxes still axis-aligned, with the detector's own suppression; only then are they turned back into the image.
/// Of several orientations, one is chosen and its faces reported (<see cref="OrientationPolicy"/>); faces of the other
/// orientations take part only when they score above the stricter bar. They are merged in the image by hard
/// suppression (<see cref="SuppressionCore.Hard{T}"/>): a face seen on its side yields unreliable keypoints, so
/// blending it into the upright view, as weighted suppression would, could only make things worse. Boxes are clipped
/// last, so the overlaps that decide merging are those of the faces as found.
/// </remarks>
internal sealed class WindowSearch
{
    private readonly SearchSettings _settings;
    private readonly FaceCandidate[] _merged;
    private readonly FaceDetection[] _found;
    private readonly FaceDetection[] _results;
    private readonly FaceDetection[] _admitted;
    private FaceCandidate[] _onCanvas;

    public WindowSearch(SearchSettings settings)
    {
        _settings = settings;
        _merged = new FaceCandidate[settings.MaxFaces];
        _found = new FaceDetection[4 * settings.MaxFaces];
        _results = new FaceDetection[settings.MaxFaces];
        _admitted = new FaceDetection[4 * settings.MaxFaces];
        _onCanvas = new FaceCandidate[4 * settings.MaxFaces];
    }

    /// <summary>Searches every window the options ask for and merges the faces.</summary>
    /// <param name="image">The image.</param>
    /// <param name="region">The checked region to search.</param>
    /// <param name="options">The options (several windows: tiling, automatic orientation, or both).</param>
    /// <param name="detector">Runs the pipeline on one window.</param>
    /// <returns>The faces, best first, in image pixels; valid until the next call.</returns>
    public ReadOnlySpan<FaceDetection> Run<TDetector>(ImageView image, ImageRegion region, in ImageProcessingOptions options, TDetector detector)
        where TDetector : IWindowDetector
    {
        int orientations = options.AutoRotate ? 4 : 1;
        Span<int> counts = stackalloc int[orientations];
        for (int turn = 0; turn < orientations; turn++)
        {
            var frame = SearchFrame.Create(region, options.RotationDegrees + (90.0 * turn));
            Span<FaceDetection> destination = _found.AsSpan(turn * _settings.MaxFaces, _settings.MaxFaces);
            counts[turn] = options.Tiling is { } tiling
                ? SearchTiles(image, frame, tiling, detector, destination)
                : SearchWhole(image, frame, detector, destination);
        }

        int count = orientations == 1 ? Copy(_found.AsSpan(0, counts[0]), _results) : MergeOrientations(counts);
        if (_settings.ClipToImage)
        {
            for (int i = 0; i < count; i++)
            {
                FaceBox box = _results[i].BoundingBox;
                _results[i] = _results[i] with { BoundingBox = ImageProjection.ToBox(box.X, box.Y, box.Width, box.Height, true, image.Width, image.Height) };
            }
        }

        return _results.AsSpan(0, count);
    }

    /// <summary>
    /// The chosen orientation's faces and those of the others that clear the stricter bar, merged by hard suppression:
    /// a face found in several orientations is reported once, from the one where it scores best.
    /// </summary>
    /// <param name="counts">How many faces each orientation found, best first, in its slice of <c>_found</c>.</param>
    private int MergeOrientations(ReadOnlySpan<int> counts)
    {
        int maxFaces = _settings.MaxFaces;
        Span<float> bestScores = stackalloc float[counts.Length];
        bestScores.Clear();
        for (int turn = 0; turn < counts.Length; turn++)
        {
            foreach (FaceDetection face in _found.AsSpan(turn * maxFaces, counts[turn]))
            {
                bestScores[turn] = Math.Max(bestScores[turn], face.Score);
            }
        }

        int chosen = OrientationPolicy.Choose(bestScores);
        float bar = OrientationPolicy.OtherOrientationMinScore(_settings.MinScore);
        int admitted = 0;
        for (int turn = 0; turn < counts.Length; turn++)
        {
            foreach (FaceDetection face in _found.AsSpan(turn * maxFaces, counts[turn]))
            {
                if (turn == chosen || face.Score >= bar)
                {
                    _admitted[admitted++] = face;
                }
            }
        }

        return SuppressionCore.Hard<FaceDetection>(_admitted.AsSpan(0, admitted), _settings.IouThreshold, _results);
    }

    private int SearchWhole<TDetector>(ImageView image, SearchFrame frame, TDetector detector, Span<FaceDetection> destination)
        where TDetector : IWindowDetector
    {
        InputTransform transform = WholeFrame(image, frame);
        ReadOnlySpan<FaceCandidate> survivors = detector.DetectWindow(image, transform);
        for (int i = 0; i < survivors.Length; i++)
        {
            destination[i] = ImageProjection.ToImage(transform, survivors[i], clipToImage: false);
        }

        return survivors.Length;
    }

    private int SearchTiles<TDetector>(ImageView image, SearchFrame frame, TilingOptions tiling, TDetector detector, Span<FaceDetection> destination)
        where TDetector : IWindowDetector
    {
        InputTransform whole = WholeFrame(image, frame);
        int count = Collect(detector.DetectWindow(image, whole), whole, 0);
        int size = _settings.InputSize;
        foreach (TileWindow tile in new TilePyramid(frame.Width, frame.Height, tiling.TileSize ?? size, tiling.Overlap))
        {
            // Tiles are square, so they keep the faces' proportions in either resize mode; clipped ones are letterboxed.
            var transform = InputTransform.ForWindow(image.Width, image.Height, size, size, ResizeMode.Letterbox, frame, tile.X, tile.Y, tile.Width, tile.Height);
            count = Collect(detector.DetectWindow(image, transform), transform, count);
        }

        INonMaxSuppression suppression = _settings.Suppression;
        int merged = StageCount.Check(suppression.Suppress(_onCanvas.AsSpan(0, count), _merged), _merged.Length, "non-maximum suppression", suppression);
        for (int i = 0; i < merged; i++)
        {
            destination[i] = ImageProjection.ToImage(frame, _merged[i]);
        }

        return merged;
    }

    /// <summary>Appends a window's survivors to the canvas list, in canvas pixels, growing the list when needed.</summary>
    private int Collect(ReadOnlySpan<FaceCandidate> survivors, in InputTransform transform, int count)
    {
        if (count + survivors.Length > _onCanvas.Length)
        {
            Array.Resize(ref _onCanvas, Math.Max(2 * _onCanvas.Length, count + survivors.Length));
        }

        for (int i = 0; i < survivors.Length; i++)
        {
            _onCanvas[count + i] = ImageProjection.ToFrame(transform, survivors[i]);
        }

        return count + survivors.Length;
    }

    private InputTransform WholeFrame(ImageView image, SearchFrame frame)
    {
        int size = _settings.InputSize;
        return InputTransform.ForWindow(image.Width, image.Height, size, size, _settings.ResizeMode, frame, 0, 0, frame.Width, frame.Height);
    }

    private static int Copy(ReadOnlySpan<FaceDetection> faces, Span<FaceDetection> destination)
    {
        int count = Math.Min(faces.Length, destination.Length);
        faces[..count].CopyTo(destination);
        return count;
    }
}
