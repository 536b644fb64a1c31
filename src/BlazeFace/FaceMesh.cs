using System.Globalization;
using System.Numerics;
using BlazeFace.Landmarks;

namespace BlazeFace;

/// <summary>
/// One face's 468-point mesh, as a <see cref="FaceLandmarker"/> finds it: the landmarks in the image's pixels, the
/// face-presence score, the region of the image the landmark model saw, the detection it started from and, in video,
/// the face's identity. Also the mesh's named landmarks and MediaPipe's connection lists, for drawing and for cues
/// such as blinks or an open mouth.
/// </summary>
/// <remarks>
/// <para>
/// The landmarks are in MediaPipe's order (index 0 to 467; the mesh has no iris points). X and Y are image pixels,
/// with the image spanning [0, width] x [0, height]; Z is relative depth on the scale of X, smaller nearer the camera,
/// about 0 around the face's centre of depth (MediaPipe's weak-perspective z).
/// </para>
/// <para>
/// A mesh is a reusable buffer. The list-returning calls give new meshes that nothing touches again. The span calls
/// fill meshes you pass: create them once (<c>new FaceMesh[4]</c> is enough; a null entry gets a new mesh the first
/// time) and pass the same ones every frame, and the calls allocate nothing; each call overwrites the meshes it
/// writes. Keep a result past the next call with <see cref="Clone"/>. A mesh is not thread-safe while a call writes
/// it; reading it from several threads at once is safe.
/// </para>
/// </remarks>
public sealed class FaceMesh
{
    /// <summary>Landmarks in a mesh: 468.</summary>
    public const int LandmarkCount = 468;

    /// <summary>Outer corner of the subject's right eye (image left on a frontal face); MediaPipe's start of the eye line.</summary>
    public const int RightEyeOuterCorner = 33;

    /// <summary>Inner corner of the subject's right eye.</summary>
    public const int RightEyeInnerCorner = 133;

    /// <summary>Middle of the subject's right upper eyelid (the middle point of its upper-lid contour).</summary>
    public const int RightEyeUpperLid = 159;

    /// <summary>Middle of the subject's right lower eyelid (the middle point of its lower-lid contour).</summary>
    public const int RightEyeLowerLid = 145;

    /// <summary>Inner corner of the subject's left eye.</summary>
    public const int LeftEyeInnerCorner = 362;

    /// <summary>Outer corner of the subject's left eye (image right on a frontal face); MediaPipe's end of the eye line.</summary>
    public const int LeftEyeOuterCorner = 263;

    /// <summary>Middle of the subject's left upper eyelid.</summary>
    public const int LeftEyeUpperLid = 386;

    /// <summary>Middle of the subject's left lower eyelid.</summary>
    public const int LeftEyeLowerLid = 374;

    /// <summary>The subject's right corner of the mouth (image left), where the outer lip contours meet.</summary>
    public const int MouthRightCorner = 61;

    /// <summary>The subject's left corner of the mouth (image right).</summary>
    public const int MouthLeftCorner = 291;

    /// <summary>Middle of the upper lip's inner edge: with <see cref="LowerLipInner"/>, how far the mouth is open.</summary>
    public const int UpperLipInner = 13;

    /// <summary>Middle of the lower lip's inner edge.</summary>
    public const int LowerLipInner = 14;

    /// <summary>Top of the face oval, on the face's midline (the oval contour's first point).</summary>
    public const int ForeheadTop = 10;

    /// <summary>Bottom of the face oval, on the face's midline.</summary>
    public const int Chin = 152;

    private static readonly (int Start, int End)[] s_tesselation = Pairs(MeshConnections.Tesselation);
    private static readonly (int Start, int End)[] s_lips = Pairs(MeshConnections.Lips);
    private static readonly (int Start, int End)[] s_leftEye = Pairs(MeshConnections.LeftEye);
    private static readonly (int Start, int End)[] s_leftEyebrow = Pairs(MeshConnections.LeftEyebrow);
    private static readonly (int Start, int End)[] s_rightEye = Pairs(MeshConnections.RightEye);
    private static readonly (int Start, int End)[] s_rightEyebrow = Pairs(MeshConnections.RightEyebrow);
    private static readonly (int Start, int End)[] s_faceOval = Pairs(MeshConnections.FaceOval);
    private static readonly (int Start, int End)[] s_contours = [.. s_lips, .. s_leftEye, .. s_leftEyebrow, .. s_rightEye, .. s_rightEyebrow, .. s_faceOval];

    private readonly Vector3[] _landmarks = new Vector3[LandmarkCount];
    private bool _hasLandmarks;

    /// <summary>Creates an empty mesh (no landmarks, presence 0) for a landmarker's span calls to fill.</summary>
    public FaceMesh()
    {
    }

    /// <summary>
    /// The 468 landmarks in MediaPipe's order: X and Y in image pixels, Z relative depth on the scale of X (smaller is
    /// nearer the camera). Empty when the landmark model rejected the face (see <see cref="Presence"/>), and in a mesh
    /// no call has filled. Valid until the next call that writes this mesh.
    /// </summary>
    public ReadOnlySpan<Vector3> Landmarks => _hasLandmarks ? _landmarks : [];

    /// <summary>
    /// The face-presence score in [0, 1]: the sigmoid of the landmark model's face flag. The landmarker keeps a face
    /// whose score is above <see cref="FaceLandmarkerOptions.MinPresence"/>.
    /// </summary>
    public float Presence { get; private set; }

    /// <summary>
    /// The region of the image the landmark model saw, in image pixels: a square 1.5 times the face's size, turned
    /// by its roll (MediaPipe's region of interest). The model's 192x192 input is this region.
    /// </summary>
    public RotatedBox Region { get; private set; }

    /// <summary>
    /// The detection the region came from; null in video for a face followed from the previous frame's landmarks, which
    /// the detector did not run for.
    /// </summary>
    public FaceDetection? Detection { get; private set; }

    /// <summary>
    /// In video (<see cref="FaceLandmarker.Track(Imaging.ImageView, TimeSpan, ImageProcessingOptions)"/>), the face's identity: the same while the face
    /// is followed, never reused (until <see cref="FaceLandmarker.Reset"/>), starting at 1. 0 for meshes of a still image.
    /// </summary>
    public long TrackId { get; private set; }

    /// <summary>The smallest axis-aligned box around the landmarks' X and Y; an empty box at (0, 0) when there are none.</summary>
    public FaceBox Bounds
    {
        get
        {
            if (!_hasLandmarks)
            {
                return default;
            }

            LandmarkExtent extent = LandmarkExtent.Of(_landmarks);
            return new FaceBox(extent.Min.X, extent.Min.Y, extent.Width, extent.Height);
        }
    }

    /// <summary>
    /// MediaPipe's tesselation (<c>FACEMESH_TESSELATION</c>): 2,556 edges, every three consecutive ones closing one of
    /// the mesh's 852 triangles. Each edge is a pair of landmark indices.
    /// </summary>
    public static ReadOnlySpan<(int Start, int End)> Tesselation => s_tesselation;

    /// <summary>
    /// The contours (<c>FACEMESH_CONTOURS</c>): <see cref="Lips"/>, <see cref="LeftEye"/>, <see cref="LeftEyebrow"/>,
    /// <see cref="RightEye"/>, <see cref="RightEyebrow"/> and <see cref="FaceOval"/> in that order, 124 edges.
    /// </summary>
    public static ReadOnlySpan<(int Start, int End)> Contours => s_contours;

    /// <summary>The lips (<c>FACEMESH_LIPS</c>): outer and inner outlines, 40 edges, each half from the subject's right corner.</summary>
    public static ReadOnlySpan<(int Start, int End)> Lips => s_lips;

    /// <summary>The subject's left eye (<c>FACEMESH_LEFT_EYE</c>, image right on a frontal face): lower then upper lid from the outer corner, 16 edges.</summary>
    public static ReadOnlySpan<(int Start, int End)> LeftEye => s_leftEye;

    /// <summary>The subject's left eyebrow (<c>FACEMESH_LEFT_EYEBROW</c>), 8 edges.</summary>
    public static ReadOnlySpan<(int Start, int End)> LeftEyebrow => s_leftEyebrow;

    /// <summary>The subject's right eye (<c>FACEMESH_RIGHT_EYE</c>, image left on a frontal face): lower then upper lid from the outer corner, 16 edges.</summary>
    public static ReadOnlySpan<(int Start, int End)> RightEye => s_rightEye;

    /// <summary>The subject's right eyebrow (<c>FACEMESH_RIGHT_EYEBROW</c>), 8 edges.</summary>
    public static ReadOnlySpan<(int Start, int End)> RightEyebrow => s_rightEyebrow;

    /// <summary>The face oval (<c>FACEMESH_FACE_OVAL</c>), 36 edges, clockwise on screen from <see cref="ForeheadTop"/>.</summary>
    public static ReadOnlySpan<(int Start, int End)> FaceOval => s_faceOval;

    /// <summary>The landmark at <paramref name="index"/>.</summary>
    /// <param name="index">0 to 467, for example <see cref="MouthLeftCorner"/>.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside 0 to 467, or the mesh has no landmarks.</exception>
    public Vector3 this[int index] => Landmarks[index];

    /// <summary>Writable storage for a landmarker: always 468 points, whether or not they count as landmarks yet.</summary>
    internal Span<Vector3> Storage => _landmarks;

    /// <summary>A copy that later calls do not overwrite.</summary>
    public FaceMesh Clone()
    {
        var copy = new FaceMesh();
        copy.CopyFrom(this);
        return copy;
    }

    /// <summary>For example "face #3: presence 1.00, 468 landmarks in (180.2, 85.0, 92.1x95.3)".</summary>
    public override string ToString()
    {
        string face = TrackId == 0 ? "face" : string.Create(CultureInfo.InvariantCulture, $"face #{TrackId}");
        if (!_hasLandmarks)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{face}: presence {Presence:0.00}, no landmarks");
        }

        FaceBox b = Bounds;
        return string.Create(CultureInfo.InvariantCulture, $"{face}: presence {Presence:0.00}, {LandmarkCount} landmarks in ({b.X:0.0}, {b.Y:0.0}, {b.Width:0.0}x{b.Height:0.0})");
    }

    /// <summary>Sets everything but the landmarks' values, which the caller writes to <see cref="Storage"/>.</summary>
    internal void Set(long trackId, FaceDetection? detection, RotatedBox region, float presence, bool hasLandmarks)
    {
        TrackId = trackId;
        Detection = detection;
        Region = region;
        Presence = presence;
        _hasLandmarks = hasLandmarks;
    }

    /// <summary>Makes this mesh a copy of <paramref name="source"/>.</summary>
    internal void CopyFrom(FaceMesh source)
    {
        source._landmarks.CopyTo(_landmarks, 0);
        Set(source.TrackId, source.Detection, source.Region, source.Presence, source._hasLandmarks);
    }

    private static (int Start, int End)[] Pairs(ReadOnlySpan<ushort> flattened)
    {
        var pairs = new (int Start, int End)[flattened.Length / 2];
        for (int i = 0; i < pairs.Length; i++)
        {
            pairs[i] = (flattened[2 * i], flattened[(2 * i) + 1]);
        }

        return pairs;
    }
}
