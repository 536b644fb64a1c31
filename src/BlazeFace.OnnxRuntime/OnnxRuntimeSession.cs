using Microsoft.ML.OnnxRuntime;

namespace BlazeFace.OnnxRuntime;

/// <summary>
/// One call's buffers on a shared <see cref="InferenceSession"/>: managed input and output arrays, wrapped once as
/// tensors over their pinned memory and bound to the session, so a run copies nothing through managed code and
/// allocates no managed memory (only what ONNX Runtime does natively).
/// </summary>
/// <remarks>
/// With a GPU execution provider the bound tensors stay in CPU memory: ONNX Runtime copies the input to the device
/// and the outputs back within each run, which for these networks' 0.2-0.8 MB input and 60-150 KB of outputs is small
/// next to the network.
/// </remarks>
internal sealed class OnnxRuntimeSession : NetworkSession
{
    private readonly InferenceSession _session;
    private readonly Action _release;
    private readonly float[] _input;
    private readonly float[][] _outputs;
    private readonly List<IDisposable> _native = [];
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions;

    public OnnxRuntimeSession(BlazeFaceModel model, InferenceSession session, Action release)
        : base(model)
    {
        _session = session;
        _release = release;
        try
        {
            string inputName = session.InputNames.Single();
            long[] inputShape = Shape(session.InputMetadata[inputName]);
            _input = new float[Length(inputShape)];
            _binding = Own(session.CreateIoBinding());
            _binding.BindInput(inputName, Own(OrtValue.CreateTensorValueFromMemory(_input, inputShape)));

            // The exported graph names its outputs as the model does, in the same order.
            IReadOnlyList<string> names = model.OutputNames;
            _outputs = new float[names.Count][];
            for (int i = 0; i < names.Count; i++)
            {
                long[] shape = Shape(session.OutputMetadata[names[i]]);
                _outputs[i] = new float[Length(shape)];
                _binding.BindOutput(names[i], Own(OrtValue.CreateTensorValueFromMemory(_outputs[i], shape)));
            }

            _runOptions = Own(new RunOptions());
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public override Span<float> Input
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            return _input;
        }
    }

    public override ReadOnlySpan<float> GetOutput(int index)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return (uint)index < (uint)_outputs.Length
            ? _outputs[index]
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The {Model.Name} model has {_outputs.Length} outputs.");
    }

    public override void Run()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        _session.RunWithBinding(_runOptions, _binding);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Binding first, then the tensors it refers to, then the engine's lease on the shared session.
            for (int i = _native.Count - 1; i >= 0; i--)
            {
                _native[i].Dispose();
            }

            _release();
        }

        base.Dispose(disposing);
    }

    private static long[] Shape(NodeMetadata metadata) => [.. metadata.Dimensions.Select(d => (long)d)];

    private static int Length(long[] shape) => checked((int)shape.Aggregate(1L, (product, d) => product * d));

    private T Own<T>(T value)
        where T : IDisposable
    {
        _native.Add(value);
        return value;
    }
}
