namespace BlazeFace.Tests.Support;

/// <summary>
/// The managed engine, watched: counts the runs of each model's network (to see when a pipeline runs its detector)
/// and lets a test act during a run (to call back into the caller while it is busy). Plugged in as a user's engine is.
/// </summary>
internal sealed class RecordingEngine : NetworkEngine
{
    private int _detectorRuns;
    private int _landmarkRuns;

    public override string Description => "managed kernels, recorded";

    /// <summary>Runs of any detector network so far.</summary>
    public int DetectorRuns => Volatile.Read(ref _detectorRuns);

    /// <summary>Runs of the face landmark network so far.</summary>
    public int LandmarkRuns => Volatile.Read(ref _landmarkRuns);

    /// <summary>Called after each run of the face landmark network, on the running thread.</summary>
    public Action? AfterLandmarkRun { get; set; }

    public override NetworkSession CreateSession(BlazeFaceModel model) => new RecordingSession(this, model, Managed.CreateSession(model));

    private sealed class RecordingSession(RecordingEngine engine, BlazeFaceModel model, NetworkSession inner) : NetworkSession(model)
    {
        public override Span<float> Input => inner.Input;

        public override ReadOnlySpan<float> GetOutput(int index) => inner.GetOutput(index);

        public override void Run()
        {
            inner.Run();
            if (Model.AnchorCount > 0)
            {
                Interlocked.Increment(ref engine._detectorRuns);
            }
            else
            {
                Interlocked.Increment(ref engine._landmarkRuns);
                engine.AfterLandmarkRun?.Invoke();
            }
        }

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
