namespace BlazeFace.Web.Detection;

/// <summary>One photo's result: the faces, best first, and with <c>mesh=true</c> each face's mesh, in the same order.</summary>
/// <param name="Faces">The detections, in the image's pixels.</param>
/// <param name="Meshes">Null without the mesh; otherwise one mesh per face, without landmarks where the landmark model rejected the face.</param>
internal sealed record PhotoFaces(IReadOnlyList<FaceDetection> Faces, IReadOnlyList<FaceMesh>? Meshes);
