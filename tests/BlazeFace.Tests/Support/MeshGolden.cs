using System.Numerics;
using System.Text.Json;

namespace BlazeFace.Tests.Support;

/// <summary>
/// One end-to-end face-mesh golden (TestData/goldens/README.md, "Face landmark goldens"): what the independent numpy
/// re-implementation of MediaPipe's pipeline, running the real TFLite interpreter, found for one face of a photo: the
/// detection it started from, the region, the presence score, the 468 landmarks in image pixels and the next frame's
/// region. Coordinates are image pixels, rotations radians clockwise.
/// </summary>
internal sealed class MeshGolden
{
    private MeshGolden(string name, JsonElement root)
    {
        Name = name;
        // "assets/images/astronaut.png", or "tests/…/photos/astronaut_roll_m30.ppm.gz" for the rolled photos.
        string image = Path.GetFileName(root.GetProperty("image").GetString()!);
        Photo = image[..image.IndexOf('.', StringComparison.Ordinal)] + ".png";
        FaceIndex = root.GetProperty("detection").GetProperty("face_index").GetInt32();
        Detection = ReadDetection(root.GetProperty("detection"));
        Region = ReadRegion(root.GetProperty("roi"));
        NextRegion = ReadRegion(root.GetProperty("next_roi"));
        PresenceLogit = root.GetProperty("presence_logit").GetSingle();
        Presence = root.GetProperty("presence").GetSingle();
        Landmarks = [.. root.GetProperty("landmarks").EnumerateArray().Select(p => new Vector3(p[0].GetSingle(), p[1].GetSingle(), p[2].GetSingle()))];
    }

    public string Name { get; }

    /// <summary>The photo's file name as the tests load it ("astronaut.png", "astronaut_roll_m30.png", …).</summary>
    public string Photo { get; }

    /// <summary>Which detection of the photo (best first) the face is.</summary>
    public int FaceIndex { get; }

    /// <summary>The short-range detection the pipeline started from: its unclipped box and keypoints.</summary>
    public FaceDetection Detection { get; }

    /// <summary>The region of interest from the detection.</summary>
    public RotatedBox Region { get; }

    /// <summary>The region the landmarks give the next frame.</summary>
    public RotatedBox NextRegion { get; }

    public float PresenceLogit { get; }

    public float Presence { get; }

    /// <summary>The 468 landmarks in image pixels, z on the scale of x.</summary>
    public Vector3[] Landmarks { get; }

    /// <summary>The raw TFLite outputs for this face's crop (the tensor-parity golden of the same name).</summary>
    public LandmarkGoldenCase Tensors => new(Name);

    /// <summary>Every golden of a real photo (the synthetic tensor golden has no photo).</summary>
    public static IEnumerable<MeshGolden> All() =>
        LandmarkGoldenCase.All().Where(g => !g.IsSynthetic).Select(g => Load(g.Name));

    public static MeshGolden Load(string name)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(LandmarkGoldenCase.Folder, $"{name}.mesh.json")));
        return new MeshGolden(name, document.RootElement.Clone());
    }

    public override string ToString() => $"mesh/{Name}";

    private static FaceDetection ReadDetection(JsonElement detection)
    {
        JsonElement box = detection.GetProperty("box_unclipped");
        float xmin = box.GetProperty("xmin").GetSingle(), ymin = box.GetProperty("ymin").GetSingle();
        float xmax = box.GetProperty("xmax").GetSingle(), ymax = box.GetProperty("ymax").GetSingle();
        float[] keypoints = [.. detection.GetProperty("keypoints").EnumerateArray().SelectMany(p => new[] { p[0].GetSingle(), p[1].GetSingle() })];
        return new FaceDetection(detection.GetProperty("score").GetSingle(), new FaceBox(xmin, ymin, xmax - xmin, ymax - ymin), new FaceKeypoints(keypoints));
    }

    private static RotatedBox ReadRegion(JsonElement roi)
    {
        JsonElement centre = roi.GetProperty("center");
        float size = roi.GetProperty("size").GetSingle();
        return new RotatedBox(centre[0].GetSingle(), centre[1].GetSingle(), size, size, roi.GetProperty("rotation_degrees").GetSingle());
    }
}
