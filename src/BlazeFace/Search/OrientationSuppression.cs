namespace BlazeFace.Search;

/// <summary>
/// Merges the faces of several orientations of one search: best score first, a face overlapping a better one from
/// any orientation by more than the IoU threshold is dropped, not blended. A face seen on its side yields unreliable
/// keypoints, so blending it into the upright view (as weighted suppression would) could only make things worse.
/// </summary>
internal static class OrientationSuppression
{
    /// <summary>Keeps the best face of each overlapping group.</summary>
    /// <param name="faces">Faces in image pixels, boxes unclipped; reordered in place (best first).</param>
    /// <param name="iouThreshold">Overlap of axis-aligned boxes above which (strictly) two faces are one.</param>
    /// <param name="destination">Receives the survivors, best first.</param>
    /// <returns>How many survivors were written.</returns>
    public static int Run(Span<FaceDetection> faces, float iouThreshold, Span<FaceDetection> destination)
    {
        // Insertion sort: stable, so equal scores keep orientation order, and the list is a few dozen at most.
        for (int i = 1; i < faces.Length; i++)
        {
            FaceDetection face = faces[i];
            int j = i - 1;
            while (j >= 0 && faces[j].Score < face.Score)
            {
                faces[j + 1] = faces[j];
                j--;
            }

            faces[j + 1] = face;
        }

        int kept = 0;
        for (int i = 0; i < faces.Length && kept < destination.Length; i++)
        {
            if (!OverlapsAny(faces[i].BoundingBox, destination[..kept], iouThreshold))
            {
                destination[kept++] = faces[i];
            }
        }

        return kept;
    }

    private static bool OverlapsAny(FaceBox box, ReadOnlySpan<FaceDetection> kept, float iouThreshold)
    {
        foreach (FaceDetection other in kept)
        {
            if (box.IntersectionOverUnion(other.BoundingBox) > iouThreshold)
            {
                return true;
            }
        }

        return false;
    }
}
