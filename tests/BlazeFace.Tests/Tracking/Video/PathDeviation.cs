namespace BlazeFace.Tests.Tracking.Video;

/// <summary>
/// How far a sequence of box centres strays from a face's true path, in units of the face's box width.
/// </summary>
/// <remarks>
/// The detector places a face's box centre at a fixed offset from the pasted sprite's position (its own reading of
/// where the face is), so the true path is the sprite's position plus that offset, measured as the mean over the
/// raw detections of the same frames. The offset is the detector's, not the tracker's: a lagging tracker stays behind
/// it.
/// </remarks>
/// <param name="Lag">Mean error along the direction of motion (negative: behind the face).</param>
/// <param name="Rms">Root mean square distance from the path.</param>
/// <param name="Max">Largest distance from the path.</param>
internal readonly record struct PathDeviation(double Lag, double Rms, double Max)
{
    /// <summary>The detector's mean offset from the sprite's position: raw detection centres minus positions, frame by frame.</summary>
    public static (double X, double Y) DetectorOffset(IReadOnlyList<(double X, double Y)> rawCentres, IReadOnlyList<(double X, double Y)> positions) =>
        (rawCentres.Select((c, i) => c.X - positions[i].X).Average(), rawCentres.Select((c, i) => c.Y - positions[i].Y).Average());

    /// <param name="centres">The centres to judge, one per frame.</param>
    /// <param name="positions">The sprite's position in each frame.</param>
    /// <param name="offset">The detector's offset from the sprite's position (<see cref="DetectorOffset"/>).</param>
    /// <param name="direction">The direction of motion.</param>
    /// <param name="boxWidth">The face's box width, the unit of the result.</param>
    public static PathDeviation Measure(
        IReadOnlyList<(double X, double Y)> centres,
        IReadOnlyList<(double X, double Y)> positions,
        (double X, double Y) offset,
        (double X, double Y) direction,
        double boxWidth)
    {
        (double offsetX, double offsetY) = offset;
        double length = Math.Sqrt((direction.X * direction.X) + (direction.Y * direction.Y));
        double lag = 0;
        double squares = 0;
        double max = 0;
        for (int i = 0; i < centres.Count; i++)
        {
            double dx = centres[i].X - positions[i].X - offsetX;
            double dy = centres[i].Y - positions[i].Y - offsetY;
            lag += ((dx * direction.X) + (dy * direction.Y)) / length;
            squares += (dx * dx) + (dy * dy);
            max = Math.Max(max, Math.Sqrt((dx * dx) + (dy * dy)));
        }

        return new PathDeviation(lag / centres.Count / boxWidth, Math.Sqrt(squares / centres.Count) / boxWidth, max / boxWidth);
    }

    public override string ToString() =>
        FormattableString.Invariant($"lag {Lag * 100:0.00}%, RMS {Rms * 100:0.00}%, max {Max * 100:0.00}% of the box width");
}
