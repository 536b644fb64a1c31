using System.Numerics;

namespace BlazeFace.Landmarks;

/// <summary>The smallest box around a mesh's landmarks: what the next region, the smoothing's face size and <see cref="FaceMesh.Bounds"/> start from.</summary>
/// <param name="Min">The smallest x, y and z.</param>
/// <param name="Max">The largest x, y and z.</param>
internal readonly record struct LandmarkExtent(Vector3 Min, Vector3 Max)
{
    /// <summary>The extent of <paramref name="landmarks"/>, which must not be empty.</summary>
    public static LandmarkExtent Of(ReadOnlySpan<Vector3> landmarks)
    {
        Vector3 min = landmarks[0];
        Vector3 max = landmarks[0];
        foreach (Vector3 point in landmarks[1..])
        {
            min = Vector3.Min(min, point);
            max = Vector3.Max(max, point);
        }

        return new LandmarkExtent(min, max);
    }

    /// <summary>Width along x.</summary>
    public float Width => Max.X - Min.X;

    /// <summary>Height along y.</summary>
    public float Height => Max.Y - Min.Y;
}
