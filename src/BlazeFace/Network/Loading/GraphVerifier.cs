using BlazeFace.Models.Tflite;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Loading;

/// <summary>
/// Checks a built network against the model file's operator graph: every layer must have an operator of the right
/// kind, options and shape producing its output from its inputs, every weight must be a constant that operator reads,
/// and every operator must belong to a layer. A file that differs anywhere is refused with the place named, rather
/// than run into garbage. The check also records where each weight lives (<see cref="WeightSources"/>).
/// </summary>
/// <remarks>
/// Layers are found by their tensor's name or, for files whose names do not identify layers, by structure (see
/// <see cref="LayerMatching"/>). Constants reach their operators through DEQUANTIZE (float16 storage) and DENSIFY
/// (sparse storage); those operators belong to the weights, not to any layer.
/// </remarks>
internal static class GraphVerifier
{
    // The converter renamed some ADD outputs (add_2 → add_2__xeno_compat__1); the 2019 export did not. It also splits
    // a Keras SeparableConv2D into a depthwise operator named "<layer>__xeno_compat__depthwise" and a pointwise one
    // named "<layer>": those are two layers (see SeparableConvReluBlock), so only a numeric suffix is dropped.
    private const string CompatSuffix = "__xeno_compat__";

    /// <summary>Checks the whole graph.</summary>
    /// <returns>Where each weight lives in the file.</returns>
    /// <exception cref="InvalidDataException">The file differs from the network; the message names the first difference.</exception>
    public static WeightSources Verify(CompiledNetwork network, TfliteModel model)
    {
        GraphMatch match = Match(network, model);
        return match.Weights ?? throw new InvalidDataException($"The model does not match the {network.Name} architecture: {match.FirstDifference}");
    }

    /// <summary>How far the file's graph agrees with the network's, and where it first differs.</summary>
    public static GraphMatch Match(CompiledNetwork network, TfliteModel model)
    {
        var context = new Context(network, model);
        try
        {
            context.VerifyInput();
            foreach (Layer layer in network.Layers)
            {
                if (layer is ChannelMajor)
                {
                    context.SeeThrough(layer);
                }
                else if (layer is not InputLayer)
                {
                    context.VerifyLayer(layer);
                }
            }

            context.VerifyAllOperatorsUsed();
            context.VerifyOutputs();
            return new GraphMatch(true, context.MatchedLayers, null, context.Weights);
        }
        catch (InvalidDataException difference)
        {
            return new GraphMatch(false, context.MatchedLayers, difference.Message, null);
        }
    }

    internal static string NormalizeName(string tensorName)
    {
        int suffix = tensorName.IndexOf(CompatSuffix, StringComparison.Ordinal);
        bool numbered = suffix > 0 && tensorName.Length > suffix + CompatSuffix.Length
            && tensorName.AsSpan(suffix + CompatSuffix.Length).IndexOfAnyExceptInRange('0', '9') < 0;
        return numbered ? tensorName[..suffix] : tensorName;
    }

    /// <summary>Operators that only carry a constant to its consumer: they belong to the weights, not to a layer.</summary>
    private static bool IsWeightStorage(TfliteOperator op) => op.Kind is BuiltinOperator.Dequantize or BuiltinOperator.Densify;

    private sealed class Context
    {
        private readonly CompiledNetwork _network;
        private readonly TfliteModel _model;
        private readonly Dictionary<string, TfliteOperator> _byOutputName = new(StringComparer.Ordinal);
        private readonly Dictionary<int, TfliteOperator> _producers = [];
        private readonly Dictionary<int, List<TfliteOperator>> _consumers = [];
        private readonly Dictionary<Layer, int> _tensorOf = [];
        private readonly HashSet<int> _matched = [];

        public Context(CompiledNetwork network, TfliteModel model)
        {
            _network = network;
            _model = model;
            foreach (TfliteOperator op in model.Operators)
            {
                foreach (int output in op.Outputs)
                {
                    _producers.TryAdd(output, op);
                    if (!IsWeightStorage(op))
                    {
                        _byOutputName.TryAdd(NormalizeName(model.Tensors[output].Name), op);
                    }
                }

                foreach (int input in op.Inputs)
                {
                    if (input >= 0)
                    {
                        (_consumers.TryGetValue(input, out List<TfliteOperator>? readers) ? readers : _consumers[input] = []).Add(op);
                    }
                }
            }
        }

        /// <summary>Layers found in the file so far, with the right operator, shape, options and inputs.</summary>
        public int MatchedLayers => _matched.Count;

        public WeightSources Weights { get; } = new();

        private bool ByName => _network.Matching == LayerMatching.ByName;

        public void VerifyInput()
        {
            if (_model.Inputs.Count != 1)
            {
                throw Mismatch($"the file has {_model.Inputs.Count} inputs; the network has one.");
            }

            TfliteTensor input = _model.Tensors[_model.Inputs[0]];
            if (input.Name != _network.Input.Name)
            {
                throw Mismatch($"the file's input is '{input.Name}'; the network's is '{_network.Input.Name}'.");
            }

            ExpectShape(input, [1, _network.InputShape.Height, _network.InputShape.Width, _network.InputShape.Channels], _network.Input.Name);
            _tensorOf[_network.Input] = input.Index;
        }

        public void VerifyLayer(Layer layer)
        {
            TfliteOperator op = ByName ? FindByName(layer) : FindByStructure(layer);
            _matched.Add(op.Index);
            _tensorOf[layer] = op.Outputs[0];
        }

        /// <summary>A layer that is not an operator of the file (a change of layout): its tensor is its input's.</summary>
        public void SeeThrough(Layer layer) => _tensorOf[layer] = _tensorOf[layer.Inputs[0]];

        public void VerifyAllOperatorsUsed()
        {
            foreach (TfliteOperator op in _model.Operators)
            {
                if (!IsWeightStorage(op) && !_matched.Contains(op.Index))
                {
                    string produced = op.Outputs.Count > 0 ? _model.Tensors[op.Outputs[0]].Name : "nothing";
                    throw Mismatch($"operator {op.Index} ({op.Kind}, producing '{produced}') is not part of the network.");
                }
            }
        }

        public void VerifyOutputs()
        {
            IReadOnlyList<Layer> expected = _network.Outputs;
            bool same = _model.Outputs.Count == expected.Count && (ByName
                ? expected.All(layer => _model.Outputs.Any(i => NormalizeName(_model.Tensors[i].Name) == layer.Name))
                : expected.All(layer => _model.Outputs.Contains(_tensorOf[layer])));
            if (!same)
            {
                string actual = string.Join(", ", _model.Outputs.Select(i => NormalizeName(_model.Tensors[i].Name)));
                throw Mismatch($"the file's outputs are [{actual}]; the network produces [{string.Join(", ", expected.Select(l => l.Name))}].");
            }
        }

        /// <summary>The operator producing the tensor named after the layer, checked.</summary>
        private TfliteOperator FindByName(Layer layer)
        {
            if (!_byOutputName.TryGetValue(layer.Name, out TfliteOperator? op))
            {
                throw Mismatch($"layer '{layer.Name}' ({layer.GetType().Name}) has no operator producing a tensor of that name.");
            }

            Check(layer, op);
            return op;
        }

        /// <summary>
        /// The first operator (in the file's order) of the layer's kind that reads exactly its inputs' tensors and
        /// passes every check; when none does, the first candidate's difference is the one reported.
        /// </summary>
        private TfliteOperator FindByStructure(Layer layer)
        {
            BuiltinOperator kind = ExpectedKind(layer);
            int firstInput = _tensorOf[layer.Inputs[0]];
            List<TfliteOperator> readers = _consumers.GetValueOrDefault(firstInput) ?? [];
            InvalidDataException? firstDifference = null;
            foreach (TfliteOperator op in readers.Where(op => op.Kind == kind && !_matched.Contains(op.Index)).OrderBy(op => op.Index))
            {
                try
                {
                    Check(layer, op);
                    return op;
                }
                catch (InvalidDataException difference)
                {
                    firstDifference ??= difference;
                }
            }

            throw firstDifference ?? Mismatch($"layer '{layer.Name}' should be {kind}, but no unmatched {kind} operator reads the output of '{layer.Inputs[0].Name}' (tensor {firstInput}).");
        }

        /// <summary>Kind, shape, data inputs, options and weights of the operator found for a layer.</summary>
        private void Check(Layer layer, TfliteOperator op)
        {
            BuiltinOperator expected = ExpectedKind(layer);
            if (op.Kind != expected)
            {
                throw Mismatch($"layer '{layer.Name}' should be {expected}, but operator {op.Index} producing it is {op.Kind}.");
            }

            if (op.Outputs.Count != 1)
            {
                throw Mismatch($"operator {op.Index} ({op.Kind}) has {op.Outputs.Count} outputs; layer '{layer.Name}' has one.");
            }

            ExpectShape(_model.Tensors[op.Outputs[0]], Dims(layer.OutputShape, layer), layer.Name);
            ExpectDataInputs(layer, op);
            switch (layer)
            {
                case Conv2D conv:
                    ExpectConv2D(conv, op);
                    break;
                case DepthwiseConv2D depthwise:
                    ExpectDepthwise(depthwise, op);
                    break;
                case MaxPooling2D pool:
                    ExpectPool(pool, op);
                    break;
                case ChannelPadding padding:
                    ExpectPaddings(padding, op, [0, 0, 0, 0, 0, 0, padding.PadBefore, padding.PadAfter]);
                    break;
                case ZeroPadding2D padding:
                    ExpectPaddings(padding, op, [0, 0, padding.Top, padding.Bottom, padding.Left, padding.Right, 0, 0]);
                    break;
                case Add add:
                    Expect(op.Add is { } o && o.FusedActivation == Activation(add.Relu), layer, op, $"fused activation {Activation(add.Relu)}");
                    break;
                case UpSampling2D upsample:
                    Expect(op.ResizeBilinear is { } r && r.AlignCorners == upsample.AlignCorners && r.HalfPixelCenters == upsample.HalfPixelCenters, layer, op, $"align_corners={upsample.AlignCorners}, half_pixel_centers={upsample.HalfPixelCenters}");
                    break;
                case Concatenate:
                    Expect(op.Concatenation is { FusedActivation: ActivationFunction.None } c && (c.Axis == 1 || c.Axis == -2), layer, op, "concatenation along axis 1");
                    break;
                case DepthToSpace depthToSpace:
                    Expect(op.DepthToSpace is { } d && d.BlockSize == depthToSpace.BlockSize, layer, op, $"block size {depthToSpace.BlockSize}");
                    break;
            }

            BindWeights(layer, op);
        }

        private static ActivationFunction Activation(bool relu) => relu ? ActivationFunction.Relu : ActivationFunction.None;

        private static BuiltinOperator ExpectedKind(Layer layer) => layer switch
        {
            Conv2D => BuiltinOperator.Conv2D,
            DepthwiseConv2D => BuiltinOperator.DepthwiseConv2D,
            MaxPooling2D => BuiltinOperator.MaxPool2D,
            ChannelPadding or ZeroPadding2D => BuiltinOperator.Pad,
            Add => BuiltinOperator.Add,
            ReLU => BuiltinOperator.Relu,
            PReLU => BuiltinOperator.Prelu,
            UpSampling2D => BuiltinOperator.ResizeBilinear,
            Reshape => BuiltinOperator.Reshape,
            Concatenate => BuiltinOperator.Concatenation,
            DepthToSpace => BuiltinOperator.DepthToSpace,
            _ => throw new InvalidOperationException($"No TFLite operator is known for {layer.GetType().Name}."),
        };

        private static int[] Dims(Kernels.TensorShape shape, Layer layer) => layer is Reshape or Concatenate
            ? [1, shape.Width, shape.Channels]
            : [1, shape.Height, shape.Width, shape.Channels];

        private void ExpectDataInputs(Layer layer, TfliteOperator op)
        {
            if (op.Inputs.Count < layer.Inputs.Count)
            {
                throw Mismatch($"operator {op.Index} ({op.Kind}) producing '{layer.Name}' has {op.Inputs.Count} inputs; the layer reads {layer.Inputs.Count}.");
            }

            for (int i = 0; i < layer.Inputs.Count; i++)
            {
                int tensor = op.Inputs[i];
                bool same = ByName
                    ? tensor >= 0 && NormalizeName(_model.Tensors[tensor].Name) == layer.Inputs[i].Name
                    : tensor == _tensorOf[layer.Inputs[i]];
                if (!same)
                {
                    string actual = tensor < 0 ? "(none)" : $"'{NormalizeName(_model.Tensors[tensor].Name)}'";
                    throw Mismatch($"layer '{layer.Name}' reads '{layer.Inputs[i].Name}' as input {i}, but operator {op.Index} ({op.Kind}) reads {actual}.");
                }
            }
        }

        private static void ExpectConv2D(Conv2D conv, TfliteOperator op) =>
            Expect(op.Conv2D is { } o && o.StrideHeight == conv.Stride && o.StrideWidth == conv.Stride && o.DilationHeightFactor == 1 && o.DilationWidthFactor == 1
                && o.FusedActivation == Activation(conv.Relu) && SamePadding(o.Padding, conv.Padding),
                conv, op, $"stride {conv.Stride}, padding {conv.Padding}, no dilation, fused activation {Activation(conv.Relu)}");

        private static void ExpectDepthwise(DepthwiseConv2D depthwise, TfliteOperator op) =>
            Expect(op.DepthwiseConv2D is { } o && o.StrideHeight == depthwise.Stride && o.StrideWidth == depthwise.Stride && o.DilationHeightFactor == 1 && o.DilationWidthFactor == 1
                && o.FusedActivation == Activation(depthwise.Relu) && o.DepthMultiplier is 0 or 1 && SamePadding(o.Padding, depthwise.Padding),
                depthwise, op, $"stride {depthwise.Stride}, padding {depthwise.Padding}, depth multiplier 1, no dilation, fused activation {Activation(depthwise.Relu)}");

        private static void ExpectPool(MaxPooling2D pool, TfliteOperator op) =>
            Expect(op.Pool2D is { } o && o.FilterHeight == pool.PoolSize && o.FilterWidth == pool.PoolSize && o.StrideHeight == pool.Stride && o.StrideWidth == pool.Stride
                && o.FusedActivation == ActivationFunction.None && SamePadding(o.Padding, pool.Padding),
                pool, op, $"{pool.PoolSize}x{pool.PoolSize} window, stride {pool.Stride}, padding {pool.Padding}");

        /// <summary>A PAD operator's constant paddings: before and after for N, H, W, C in turn.</summary>
        private void ExpectPaddings(Layer padding, TfliteOperator op, int[] expected)
        {
            if (op.Inputs.Count != 2 || op.Inputs[1] < 0)
            {
                throw Mismatch($"operator {op.Index} (PAD) producing '{padding.Name}' has no paddings tensor.");
            }

            int[] actual = _model.ReadInt32(_model.Tensors[op.Inputs[1]]);
            Expect(actual.AsSpan().SequenceEqual(expected), padding, op, $"paddings [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
        }

        /// <summary>
        /// A layer's weights, in order, are the operator's inputs after its data inputs: constants, directly or through
        /// DEQUANTIZE and DENSIFY, of the variables' shapes; matched by name, their names are the variables'.
        /// </summary>
        private void BindWeights(Layer layer, TfliteOperator op)
        {
            WeightVariable[] weights = [.. layer.Weights];
            if (weights.Length == 0)
            {
                return;
            }

            if (op.Inputs.Count != layer.Inputs.Count + weights.Length)
            {
                throw Mismatch($"operator {op.Index} ({op.Kind}) producing '{layer.Name}' has {op.Inputs.Count} inputs; expected {layer.Inputs.Count} data input(s) and its weight(s) {string.Join(", ", weights.Select(w => $"'{w.Name}'"))}.");
            }

            for (int i = 0; i < weights.Length; i++)
            {
                int input = op.Inputs[layer.Inputs.Count + i];
                TfliteTensor? source = WeightSource(input);
                string name = source?.Name ?? "(no constant)";
                if (source is null || (ByName && name != weights[i].Name))
                {
                    throw Mismatch($"operator {op.Index} ({op.Kind}) producing '{layer.Name}' reads '{name}' where '{weights[i].Name}' belongs.");
                }

                // Both the stored constant and the tensor the operator reads (a DEQUANTIZE or DENSIFY output, whose
                // declared shape an interpreter trusts) must have the variable's shape.
                foreach (TfliteTensor tensor in new[] { source, _model.Tensors[input] })
                {
                    if (!tensor.Shape.SequenceEqual(weights[i].Shape))
                    {
                        throw Mismatch($"'{tensor.Name}' has shape [{string.Join(", ", tensor.Shape)}] in the file; layer '{layer.Name}' needs [{string.Join(", ", weights[i].Shape)}] for '{weights[i].Name}'.");
                    }
                }

                Weights.Add(weights[i], source);
            }
        }

        /// <summary>The constant behind an operator input, following DEQUANTIZE and DENSIFY; null when it is computed.</summary>
        private TfliteTensor? WeightSource(int tensorIndex)
        {
            for (int hops = 0; tensorIndex >= 0 && hops < 3; hops++)
            {
                TfliteTensor tensor = _model.Tensors[tensorIndex];
                if (tensor.HasData)
                {
                    return tensor;
                }

                if (!_producers.TryGetValue(tensorIndex, out TfliteOperator? producer) || !IsWeightStorage(producer) || producer.Inputs.Count != 1)
                {
                    return null;
                }

                tensorIndex = producer.Inputs[0];
            }

            return null;
        }

        private static bool SamePadding(Padding file, PaddingMode layer) =>
            (file == Padding.Same && layer == PaddingMode.Same) || (file == Padding.Valid && layer == PaddingMode.Valid);

        private static void ExpectShape(TfliteTensor tensor, int[] expected, string what)
        {
            if (!tensor.Shape.SequenceEqual(expected))
            {
                throw Mismatch($"'{what}' has shape [{string.Join(", ", tensor.Shape)}] in the file; the network needs [{string.Join(", ", expected)}].");
            }
        }

        private static void Expect(bool condition, Layer layer, TfliteOperator op, string expectation)
        {
            if (!condition)
            {
                throw Mismatch($"layer '{layer.Name}' expects {expectation}, which operator {op.Index} ({op.Kind}) does not have.");
            }
        }

        private static InvalidDataException Mismatch(string detail) => new(detail);
    }
}
