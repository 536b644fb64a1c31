namespace BlazeFace;

/// <summary>An axis-aligned rectangle in floating-point coordinates: the bounding box of a detected face.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge.</param>
/// <param name="Width">Width; never negative for boxes the library produces.</param>
/// <param name="Height">Height; never negative for boxes the library produces.</param>
public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    /// <summary>Right edge (<see cref="X"/> + <see cref="Width"/>).</summary>
    public float Right => X + Width;

    /// <summary>Bottom edge (<see cref="Y"/> + <see cref="Height"/>).</summary>
    public float Bottom => Y + Height;

    /// <summary>Area of the box; zero for an empty box.</summary>
    public float Area => Width > 0 && Height > 0 ? Width * Height : 0f;

    /// <summary>Intersection over union with another box, in [0, 1]; zero when either box is empty.</summary>
    /// <param name="other">The other box.</param>
    public float IntersectionOverUnion(FaceBox other)
    {
        float w = MathF.Min(Right, other.Right) - MathF.Max(X, other.X);
        float h = MathF.Min(Bottom, other.Bottom) - MathF.Max(Y, other.Y);
        if (w <= 0 || h <= 0)
        {
            return 0f;
        }

        float intersection = w * h;
        float union = Area + other.Area - intersection;
        return union > 0 ? intersection / union : 0f;
    }
}
