using System.Collections;

namespace BlazeFace;

/// <summary>
/// The six keypoints of one detection, stored inline so that a <see cref="FaceDetection"/> is a plain value
/// and a <see cref="Span{T}"/> of detections needs no allocation.
/// </summary>
public readonly struct FaceKeypoints : IReadOnlyList<FaceKeypoint>, IEquatable<FaceKeypoints>
{
    /// <summary>Number of keypoints BlazeFace predicts.</summary>
    public static int Count => 6;

    private readonly float _x0, _y0, _x1, _y1, _x2, _y2, _x3, _y3, _x4, _y4, _x5, _y5;

    /// <summary>Creates the set from coordinates interleaved as x0, y0, x1, y1, … in <see cref="FaceKeypointKind"/> order.</summary>
    /// <param name="xy">Exactly twelve values.</param>
    /// <exception cref="ArgumentException"><paramref name="xy"/> does not hold twelve values.</exception>
    public FaceKeypoints(ReadOnlySpan<float> xy)
    {
        if (xy.Length != 2 * Count)
        {
            throw new ArgumentException($"Expected {2 * Count} interleaved coordinates, got {xy.Length}.", nameof(xy));
        }

        (_x0, _y0, _x1, _y1, _x2, _y2) = (xy[0], xy[1], xy[2], xy[3], xy[4], xy[5]);
        (_x3, _y3, _x4, _y4, _x5, _y5) = (xy[6], xy[7], xy[8], xy[9], xy[10], xy[11]);
    }

    int IReadOnlyCollection<FaceKeypoint>.Count => Count;

    /// <summary>The keypoint at <paramref name="index"/>, in <see cref="FaceKeypointKind"/> order.</summary>
    /// <param name="index">0 to 5.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0 to 5.</exception>
    public FaceKeypoint this[int index] => index switch
    {
        0 => new(FaceKeypointKind.RightEye, _x0, _y0),
        1 => new(FaceKeypointKind.LeftEye, _x1, _y1),
        2 => new(FaceKeypointKind.NoseTip, _x2, _y2),
        3 => new(FaceKeypointKind.MouthCenter, _x3, _y3),
        4 => new(FaceKeypointKind.RightEarTragion, _x4, _y4),
        5 => new(FaceKeypointKind.LeftEarTragion, _x5, _y5),
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "A face has keypoints 0 to 5."),
    };

    /// <summary>The keypoint of the given kind.</summary>
    /// <param name="kind">Which keypoint.</param>
    public FaceKeypoint this[FaceKeypointKind kind] => this[(int)kind];

    /// <summary>Centre of the person's right eye.</summary>
    public FaceKeypoint RightEye => this[0];

    /// <summary>Centre of the person's left eye.</summary>
    public FaceKeypoint LeftEye => this[1];

    /// <summary>Tip of the nose.</summary>
    public FaceKeypoint NoseTip => this[2];

    /// <summary>Centre of the mouth.</summary>
    public FaceKeypoint MouthCenter => this[3];

    /// <summary>Tragion of the person's right ear.</summary>
    public FaceKeypoint RightEarTragion => this[4];

    /// <summary>Tragion of the person's left ear.</summary>
    public FaceKeypoint LeftEarTragion => this[5];

    /// <summary>Copies the coordinates, interleaved as x0, y0, x1, y1, …, into <paramref name="destination"/>.</summary>
    /// <param name="destination">At least twelve values.</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than twelve values.</exception>
    public void CopyTo(Span<float> destination)
    {
        if (destination.Length < 2 * Count)
        {
            throw new ArgumentException($"Destination needs room for {2 * Count} values.", nameof(destination));
        }

        (destination[0], destination[1], destination[2], destination[3]) = (_x0, _y0, _x1, _y1);
        (destination[4], destination[5], destination[6], destination[7]) = (_x2, _y2, _x3, _y3);
        (destination[8], destination[9], destination[10], destination[11]) = (_x4, _y4, _x5, _y5);
    }

    /// <summary>Returns the keypoints in <see cref="FaceKeypointKind"/> order.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<FaceKeypoint> IEnumerable<FaceKeypoint>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(FaceKeypoints other)
    {
        Span<float> a = stackalloc float[2 * Count];
        Span<float> b = stackalloc float[2 * Count];
        CopyTo(a);
        other.CopyTo(b);
        return a.SequenceEqual(b);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FaceKeypoints other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_x0, _y0, _x2, _y2, _x5, _y5);

    /// <summary>The six points, e.g. "right eye (10.5, 20), left eye (30, 20.25), …".</summary>
    public override string ToString() =>
        string.Join(", ", this.Select(point => point.ToString()));

    /// <summary>Compares two keypoint sets coordinate by coordinate.</summary>
    /// <param name="left">First set.</param>
    /// <param name="right">Second set.</param>
    public static bool operator ==(FaceKeypoints left, FaceKeypoints right) => left.Equals(right);

    /// <summary>Compares two keypoint sets coordinate by coordinate.</summary>
    /// <param name="left">First set.</param>
    /// <param name="right">Second set.</param>
    public static bool operator !=(FaceKeypoints left, FaceKeypoints right) => !left.Equals(right);

    /// <summary>Enumerates the six keypoints without allocating.</summary>
    public struct Enumerator : IEnumerator<FaceKeypoint>
    {
        private readonly FaceKeypoints _points;
        private int _index;

        internal Enumerator(FaceKeypoints points)
        {
            _points = points;
            _index = -1;
        }

        /// <inheritdoc/>
        public readonly FaceKeypoint Current => _points[_index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++_index < Count;

        /// <inheritdoc/>
        public void Reset() => _index = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
