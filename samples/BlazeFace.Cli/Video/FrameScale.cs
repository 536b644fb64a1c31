using OpenCvSharp;

namespace BlazeFace.Cli.Video;

/// <summary>
/// Maps faces between a frame's own pixels and the pixels of the stream's first frame, the one coordinate system the
/// tracker follows faces in. A stream can change size mid-way (adaptive-bitrate video switches resolution; a folder
/// of frames can mix sizes): boxes from a 320x240 frame laid over a track from 640x480 frames would never overlap, so
/// every face would start a new track each frame and none would be confirmed. Each axis is scaled on its own, as if
/// the frame were stretched to the first frame's size; for frames of one size the mapping is the identity, and the
/// results are the ones tracking the frame directly gives.
/// </summary>
internal readonly struct FrameScale
{
    private readonly float _toReferenceX;
    private readonly float _toReferenceY;

    /// <param name="frame">The frame's size.</param>
    /// <param name="reference">The first frame's size.</param>
    public FrameScale(Size frame, Size reference)
    {
        IsIdentity = frame == reference;
        _toReferenceX = (float)reference.Width / frame.Width;
        _toReferenceY = (float)reference.Height / frame.Height;
    }

    /// <summary>Whether the frame has the first frame's size, so nothing needs mapping.</summary>
    public bool IsIdentity { get; }

    /// <summary>Maps detections from the frame's pixels to the first frame's, in place.</summary>
    public void ToReference(Span<FaceDetection> faces)
    {
        if (!IsIdentity)
        {
            foreach (ref FaceDetection face in faces)
            {
                face = Scale(face, _toReferenceX, _toReferenceY);
            }
        }
    }

    /// <summary>Maps tracked faces from the first frame's pixels to the frame's own, in place.</summary>
    public void ToFrame(Span<TrackedFace> faces)
    {
        if (IsIdentity)
        {
            return;
        }

        float x = 1f / _toReferenceX;
        float y = 1f / _toReferenceY;
        foreach (ref TrackedFace face in faces)
        {
            face = face with
            {
                BoundingBox = Scale(face.BoundingBox, x, y),
                Keypoints = Scale(face.Keypoints, x, y),
                Detection = face.Detection is { } detection ? Scale(detection, x, y) : null,
            };
        }
    }

    private static FaceDetection Scale(FaceDetection face, float x, float y)
    {
        RotatedBox turned = face.RotatedBoundingBox;
        return new FaceDetection(
            face.Score,
            Scale(face.BoundingBox, x, y),
            Scale(face.Keypoints, x, y),
            turned with { CenterX = turned.CenterX * x, CenterY = turned.CenterY * y, Width = turned.Width * x, Height = turned.Height * y });
    }

    private static FaceBox Scale(FaceBox box, float x, float y) => new(box.X * x, box.Y * y, box.Width * x, box.Height * y);

    private static FaceKeypoints Scale(FaceKeypoints keypoints, float x, float y)
    {
        Span<float> xy = stackalloc float[2 * FaceKeypoints.Count];
        keypoints.CopyTo(xy);
        for (int i = 0; i < xy.Length; i += 2)
        {
            xy[i] *= x;
            xy[i + 1] *= y;
        }

        return new FaceKeypoints(xy);
    }
}
