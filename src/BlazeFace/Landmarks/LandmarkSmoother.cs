using System.Numerics;
using BlazeFace.Tracking;

namespace BlazeFace.Landmarks;

/// <summary>
/// Smooths one face's landmarks over time: a One-Euro filter (<see cref="OneEuroFilter"/>) on each of the 1,404
/// coordinates, as MediaPipe's <c>LandmarksSmoothingCalculator</c> with <c>one_euro_filter</c> does for its Tasks
/// FaceLandmarker.
/// </summary>
/// <remarks>
/// Each coordinate gets its own cut-off, MinCutoff + Beta x |its speed| / the face's size, the size being the mean of
/// the width and height of the landmarks' box in pixels (MediaPipe's object scale), so the speed is in face sizes per
/// second. Unlike the tracker's <see cref="FaceMotionFilter"/>, which shares one speed across a face's few noisy
/// detector points, this follows MediaPipe per coordinate: the landmark model's points are much less noisy, and a
/// blink or a smile moves some of them alone.
/// </remarks>
internal sealed class LandmarkSmoother
{
    /// <summary>Faces smaller than this (MediaPipe's minimum object scale) pass through unsmoothed.</summary>
    private const float MinScale = 1e-6f;

    private readonly OneEuroFilter[] _filters = new OneEuroFilter[3 * FaceMesh.LandmarkCount];

    /// <summary>Starts every coordinate at <paramref name="landmarks"/>, at rest.</summary>
    public void Start(ReadOnlySpan<Vector3> landmarks)
    {
        for (int i = 0; i < landmarks.Length; i++)
        {
            _filters[3 * i].Start(landmarks[i].X);
            _filters[(3 * i) + 1].Start(landmarks[i].Y);
            _filters[(3 * i) + 2].Start(landmarks[i].Z);
        }
    }

    /// <summary>One filter step: smooths <paramref name="landmarks"/> in place.</summary>
    /// <param name="landmarks">The new frame's raw landmarks; replaced by the smoothed ones.</param>
    /// <param name="elapsedSeconds">Time since the previous step; positive.</param>
    /// <param name="settings">The filter's parameters.</param>
    public void Smooth(Span<Vector3> landmarks, float elapsedSeconds, in OneEuroSettings settings)
    {
        float scale = ObjectScale(landmarks);
        if (scale < MinScale)
        {
            Start(landmarks);
            return;
        }

        float rateAlpha = OneEuroFilter.Alpha(settings.DerivativeCutoff, elapsedSeconds);
        for (int i = 0; i < landmarks.Length; i++)
        {
            Vector3 raw = landmarks[i];
            landmarks[i] = new Vector3(
                Step(ref _filters[3 * i], raw.X, elapsedSeconds, rateAlpha, scale, settings),
                Step(ref _filters[(3 * i) + 1], raw.Y, elapsedSeconds, rateAlpha, scale, settings),
                Step(ref _filters[(3 * i) + 2], raw.Z, elapsedSeconds, rateAlpha, scale, settings));
        }
    }

    private static float Step(ref OneEuroFilter filter, float raw, float elapsedSeconds, float rateAlpha, float scale, in OneEuroSettings settings)
    {
        float speed = MathF.Abs(filter.UpdateRate(raw, elapsedSeconds, rateAlpha)) / scale;
        filter.Smooth(raw, OneEuroFilter.Alpha(settings.MinCutoff + (settings.Beta * speed), elapsedSeconds));
        return filter.Value;
    }

    /// <summary>The mean of the width and height of the landmarks' box, in pixels.</summary>
    private static float ObjectScale(ReadOnlySpan<Vector3> landmarks)
    {
        LandmarkExtent extent = LandmarkExtent.Of(landmarks);
        return (extent.Width + extent.Height) / 2;
    }
}
