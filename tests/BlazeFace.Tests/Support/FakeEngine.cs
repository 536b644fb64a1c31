using BlazeFace.Kernels;

namespace BlazeFace.Tests.Support;

/// <summary>
/// An engine of the test's making, plugged in exactly as a user's would be: its sessions have the model's buffer sizes
/// (all outputs zero unless the test writes them) and each run calls the test's delegate.
/// </summary>
internal sealed class FakeEngine(Action<FakeSession>? run = null) : NetworkEngine
{
    private int _sessions;

    public override string Description => "fake engine";

    /// <summary>How many sessions the engine has made.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    public override NetworkSession CreateSession(BlazeFaceModel model)
    {
        Interlocked.Increment(ref _sessions);
        return new FakeSession(model, run);
    }
}

/// <summary>A session whose outputs the test writes and whose run does what the test says.</summary>
internal sealed class FakeSession : NetworkSession
{
    private readonly Action<FakeSession>? _run;
    private readonly float[] _input;
    private readonly float[][] _outputs;

    public FakeSession(BlazeFaceModel model, Action<FakeSession>? run)
        : base(model)
    {
        _run = run;
        var network = model.Compile(KernelSet.Scalar).Network;
        _input = new float[network.InputShape.Length];
        _outputs = [.. network.Outputs.Select(output => new float[output.OutputShape.Length])];
    }

    public int Runs { get; private set; }

    public override Span<float> Input => _input;

    /// <summary>Output <paramref name="index"/>, writable, for the test to fill before or during a run.</summary>
    public Span<float> Output(int index) => _outputs[index];

    public override ReadOnlySpan<float> GetOutput(int index) => _outputs[index];

    public override void Run()
    {
        Runs++;
        _run?.Invoke(this);
    }
}
