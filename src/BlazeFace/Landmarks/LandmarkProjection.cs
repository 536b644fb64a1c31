using System.Numerics;
using BlazeFace.Preprocessing;

namespace BlazeFace.Landmarks;

/// <summary>
/// From the landmark model's output to image pixels, as MediaPipe's <c>TensorsToLandmarksCalculator</c> (468 points,
/// divided by the 192-pixel input) and <c>LandmarkProjectionCalculator</c> (turned and scaled into the region) do it.
/// </summary>
/// <remarks>
/// A landmark (x, y, z) in input pixels lies at (x / S - 0.5, y / S - 0.5) relative to the region's centre in region
/// widths and heights (S the input side); that offset turns with the region and lands at
/// centre + R (dx W, dy H). z is scaled like x, z / S x W (MediaPipe normalises z "as X" and projects it by the
/// region's width), so depth is in the same pixels as x.
/// </remarks>
internal static class LandmarkProjection
{
    /// <summary>Projects the model's raw landmarks into the image.</summary>
    /// <param name="raw">The landmark output: x, y, z per landmark, in input pixels.</param>
    /// <param name="inputSize">The model input's side, S.</param>
    /// <param name="region">The region the input showed.</param>
    /// <param name="destination">One point per landmark.</param>
    public static void ToImage(ReadOnlySpan<float> raw, int inputSize, in RotatedBox region, Span<Vector3> destination)
    {
        (double cos, double sin) = RotationMath.CosSin(region.AngleDegrees);
        double width = region.Width;
        double height = region.Height;
        double perPixelX = width / inputSize;
        double perPixelY = height / inputSize;
        for (int i = 0; i < destination.Length; i++)
        {
            double dx = (raw[3 * i] * perPixelX) - (width / 2);
            double dy = (raw[(3 * i) + 1] * perPixelY) - (height / 2);
            destination[i] = new Vector3(
                (float)(region.CenterX + (cos * dx) - (sin * dy)),
                (float)(region.CenterY + (sin * dx) + (cos * dy)),
                (float)(raw[(3 * i) + 2] * perPixelX));
        }
    }
}
