namespace BlazeFace.Web.Detection;

/// <summary>A detector lent by <see cref="DetectorCatalog"/>: disposing the lease disposes the detector only when it was made for this caller alone.</summary>
internal readonly struct DetectorLease(FaceDetector detector, bool owned) : IDisposable
{
    public FaceDetector Detector { get; } = detector;

    public void Dispose()
    {
        if (owned)
        {
            Detector.Dispose();
        }
    }
}
