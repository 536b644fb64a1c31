namespace BlazeFace.Tracking;

/// <summary>
/// Smooths one face over time: a One-Euro filter (<see cref="OneEuroFilter"/>) on each of sixteen coordinates (box
/// centre x and y, box width and height, the twelve keypoint coordinates), all driven by one cut-off frequency set by
/// the face's speed; extrapolates them along their rates for prediction and coasting.
/// </summary>
/// <remarks>
/// <para>
/// The cut-off is MinCutoff + Beta x speed, where the speed is the length of the face's velocity, the mean of the
/// filtered velocities of its seven points (box centre and six keypoints), divided by the face's size (the mean of the
/// detected box's width and height, as MediaPipe scales its landmark filters) so that one parameter set fits a near
/// face and a far one.
/// </para>
/// <para>
/// The textbook filter gives each coordinate a cut-off from its own speed. On the detector's output that lets each
/// coordinate's own noise read as motion: on the test videos (a 107-pixel face, ±12 levels of noise) the still-face
/// keypoint jitter fell 2.2x with per-coordinate speeds and 3.5x with the face's shared speed, at the same parameters
/// and with less lag in motion (1.10% of the face's width instead of 1.25%), because averaging seven points cancels
/// much of their independent noise while a moving face moves them all. One cut-off also keeps the face's shape: its
/// keypoints are smoothed alike instead of each lagging by its own amount.
/// </para>
/// </remarks>
internal sealed class FaceMotionFilter
{
    private const int BoxCoordinates = 4;
    private const int KeypointCoordinates = 12;
    private const int Coordinates = BoxCoordinates + KeypointCoordinates;

    /// <summary>Sizes below this do not scale the speed (MediaPipe's minimum object scale); smaller boxes pass through unsmoothed.</summary>
    private const float MinScale = 1e-6f;

    private readonly OneEuroFilter[] _filters = new OneEuroFilter[Coordinates];

    /// <summary>Starts every coordinate at the detection, at rest.</summary>
    public void Start(in FaceDetection detection)
    {
        Span<float> raw = stackalloc float[Coordinates];
        ToCoordinates(detection, raw);
        for (int i = 0; i < Coordinates; i++)
        {
            _filters[i].Start(raw[i]);
        }
    }

    /// <summary>One filter step with a new detection.</summary>
    /// <param name="detection">The face's detection in the new frame.</param>
    /// <param name="elapsedSeconds">Time since the previous step or advance; positive.</param>
    /// <param name="settings">The filter's parameters.</param>
    public void Correct(in FaceDetection detection, float elapsedSeconds, in OneEuroSettings settings)
    {
        Span<float> raw = stackalloc float[Coordinates];
        ToCoordinates(detection, raw);

        float rateAlpha = OneEuroFilter.Alpha(settings.DerivativeCutoff, elapsedSeconds);
        Span<float> rates = stackalloc float[Coordinates];
        for (int i = 0; i < Coordinates; i++)
        {
            rates[i] = _filters[i].UpdateRate(raw[i], elapsedSeconds, rateAlpha);
        }

        // The face's velocity: the mean over the box centre (0, 1) and the keypoints (x, y pairs from 4); the box's
        // width and height (2, 3) are sizes, not positions.
        float velocityX = rates[0];
        float velocityY = rates[1];
        for (int i = BoxCoordinates; i < Coordinates; i += 2)
        {
            velocityX += rates[i];
            velocityY += rates[i + 1];
        }

        const int points = 1 + (KeypointCoordinates / 2);
        float scale = 0.5f * (raw[2] + raw[3]);
        float speed = MathF.Sqrt((velocityX * velocityX) + (velocityY * velocityY)) / points / MathF.Max(scale, MinScale);
        float alpha = OneEuroFilter.Alpha(settings.MinCutoff + (settings.Beta * speed), elapsedSeconds);
        for (int i = 0; i < Coordinates; i++)
        {
            _filters[i].Smooth(raw[i], alpha);
        }
    }

    /// <summary>Moves every coordinate along its rate through a frame without a detection.</summary>
    public void Advance(float elapsedSeconds)
    {
        for (int i = 0; i < Coordinates; i++)
        {
            _filters[i].Advance(elapsedSeconds);
        }
    }

    /// <summary>The keypoints expected <paramref name="elapsedSeconds"/> from the last step, at the current rates.</summary>
    public FaceKeypoints PredictKeypoints(float elapsedSeconds)
    {
        Span<float> xy = stackalloc float[KeypointCoordinates];
        for (int i = 0; i < KeypointCoordinates; i++)
        {
            xy[i] = _filters[BoxCoordinates + i].Predict(elapsedSeconds);
        }

        return new FaceKeypoints(xy);
    }

    /// <summary>The box expected <paramref name="elapsedSeconds"/> from the last step, at the current rates.</summary>
    public FaceBox PredictBox(float elapsedSeconds) =>
        ToBox(_filters[0].Predict(elapsedSeconds), _filters[1].Predict(elapsedSeconds), _filters[2].Predict(elapsedSeconds), _filters[3].Predict(elapsedSeconds));

    private static FaceBox ToBox(float centreX, float centreY, float width, float height)
    {
        width = MathF.Max(0f, width);
        height = MathF.Max(0f, height);
        return new FaceBox(centreX - (width / 2), centreY - (height / 2), width, height);
    }

    private static void ToCoordinates(in FaceDetection detection, Span<float> raw)
    {
        FaceBox box = detection.BoundingBox;
        raw[0] = box.X + (box.Width / 2);
        raw[1] = box.Y + (box.Height / 2);
        raw[2] = box.Width;
        raw[3] = box.Height;
        detection.Keypoints.CopyTo(raw[BoxCoordinates..]);
    }
}
