using BlazeFace.Kernels;
using BlazeFace.Models.Tflite;
using BlazeFace.Network.Layers;

namespace BlazeFace.Network.Loading;

/// <summary>
/// Checks a built network against the model file's operator graph: every layer must have an operator of the right
/// kind, options and shape producing a tensor of its name from its inputs, and every operator must belong to a layer.
/// A file that differs anywhere is refused with the place named, rather than run into garbage.
/// </summary>
internal static class GraphVerifier
{
    // The converter renamed some ADD outputs (add_2 → add_2__xeno_compat__1); the 2019 export did not. It also splits
    // a Keras SeparableConv2D into a depthwise operator named "<layer>__xeno_compat__depthwise" and a pointwise one
    // named "<layer>": those are two layers (see SeparableConvReluBlock), so only a numeric suffix is dropped.
    private const string CompatSuffix = "__xeno_compat__";

    /// <summary>Checks the whole graph.</summary>
    /// <exception cref="InvalidDataException">The file differs from the network; the message names the first difference.</exception>
    public static void Verify(CompiledNetwork network, TfliteModel model)
    {
        GraphMatch match = Match(network, model);
        if (!match.IsMatch)
        {
            throw new InvalidDataException($"The model does not match the {network.Name} architecture: {match.FirstDifference}");
        }
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
                if (layer is not InputLayer)
                {
                    context.VerifyLayer(layer);
                }
            }

            context.VerifyAllOperatorsUsed();
            context.VerifyOutputs();
            return new GraphMatch(true, context.MatchedLayers, null);
        }
        catch (InvalidDataException difference)
        {
            return new GraphMatch(false, context.MatchedLayers, difference.Message);
        }
    }

    internal static string NormalizeName(string tensorName)
    {
        int suffix = tensorName.IndexOf(CompatSuffix, StringComparison.Ordinal);
        bool numbered = suffix > 0 && tensorName.Length > suffix + CompatSuffix.Length
            && tensorName.AsSpan(suffix + CompatSuffix.Length).IndexOfAnyExceptInRange('0', '9') < 0;
        return numbered ? tensorName[..suffix] : tensorName;
    }

    private sealed class Context
    {
        private readonly CompiledNetwork _network;
        private readonly TfliteModel _model;
        private readonly Dictionary<string, TfliteOperator> _producers = new(StringComparer.Ordinal);
        private readonly HashSet<int> _matched = [];

        public Context(CompiledNetwork network, TfliteModel model)
        {
            _network = network;
            _model = model;
            foreach (TfliteOperator op in model.Operators)
            {
                foreach (int output in op.Outputs)
                {
                    _producers.TryAdd(NormalizeName(model.Tensors[output].Name), op);
                }
            }
        }

        /// <summary>Layers found in the file so far, with the right operator, shape, options and inputs.</summary>
        public int MatchedLayers => _matched.Count;

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
        }

        public void VerifyLayer(Layer layer)
        {
            if (!_producers.TryGetValue(layer.Name, out TfliteOperator? op) || op.Kind == BuiltinOperator.Dequantize)
            {
                throw Mismatch($"layer '{layer.Name}' ({layer.GetType().Name}) has no operator producing a tensor of that name.");
            }

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
                    ExpectChannelPadding(padding, op);
                    break;
                case Add:
                    Expect(op.Add is { FusedActivation: ActivationFunction.None }, layer, op, "no fused activation");
                    break;
                case PReLU prelu:
                    ExpectPRelu(prelu, op);
                    break;
                case UpSampling2D upsample:
                    Expect(op.ResizeBilinear is { } r && r.AlignCorners == upsample.AlignCorners && r.HalfPixelCenters == upsample.HalfPixelCenters, layer, op, $"align_corners={upsample.AlignCorners}, half_pixel_centers={upsample.HalfPixelCenters}");
                    break;
                case Concatenate:
                    Expect(op.Concatenation is { FusedActivation: ActivationFunction.None } c && (c.Axis == 1 || c.Axis == -2), layer, op, "concatenation along axis 1");
                    break;
            }

            _matched.Add(op.Index);
        }

        public void VerifyAllOperatorsUsed()
        {
            foreach (TfliteOperator op in _model.Operators)
            {
                if (op.Kind != BuiltinOperator.Dequantize && !_matched.Contains(op.Index))
                {
                    string produced = op.Outputs.Count > 0 ? _model.Tensors[op.Outputs[0]].Name : "nothing";
                    throw Mismatch($"operator {op.Index} ({op.Kind}, producing '{produced}') is not part of the network.");
                }
            }
        }

        public void VerifyOutputs()
        {
            IReadOnlyList<Layer> expected = _network.Outputs;
            var actual = _model.Outputs.Select(i => NormalizeName(_model.Tensors[i].Name)).ToHashSet(StringComparer.Ordinal);
            if (_model.Outputs.Count != expected.Count || expected.Any(layer => !actual.Contains(layer.Name)))
            {
                throw Mismatch($"the file's outputs are [{string.Join(", ", actual)}]; the network produces [{string.Join(", ", expected.Select(l => l.Name))}].");
            }
        }

        private static BuiltinOperator ExpectedKind(Layer layer) => layer switch
        {
            Conv2D => BuiltinOperator.Conv2D,
            DepthwiseConv2D => BuiltinOperator.DepthwiseConv2D,
            MaxPooling2D => BuiltinOperator.MaxPool2D,
            ChannelPadding => BuiltinOperator.Pad,
            Add => BuiltinOperator.Add,
            ReLU => BuiltinOperator.Relu,
            PReLU => BuiltinOperator.Prelu,
            UpSampling2D => BuiltinOperator.ResizeBilinear,
            Reshape => BuiltinOperator.Reshape,
            Concatenate => BuiltinOperator.Concatenation,
            _ => throw new InvalidOperationException($"No TFLite operator is known for {layer.GetType().Name}."),
        };

        private static int[] Dims(TensorShape shape, Layer layer) => layer is Reshape or Concatenate
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
                string actual = tensor < 0 ? "(none)" : NormalizeName(_model.Tensors[tensor].Name);
                if (actual != layer.Inputs[i].Name)
                {
                    throw Mismatch($"layer '{layer.Name}' reads '{layer.Inputs[i].Name}' as input {i}, but operator {op.Index} ({op.Kind}) reads '{actual}'.");
                }
            }
        }

        private void ExpectConv2D(Conv2D conv, TfliteOperator op)
        {
            Expect(op.Conv2D is { } o && o.StrideHeight == conv.Stride && o.StrideWidth == conv.Stride && o.DilationHeightFactor == 1 && o.DilationWidthFactor == 1
                && o.FusedActivation == ActivationFunction.None && SamePadding(o.Padding, conv.Padding),
                conv, op, $"stride {conv.Stride}, padding {conv.Padding}, no dilation, no fused activation");
            ExpectWeightInputs(conv, op);
        }

        private void ExpectDepthwise(DepthwiseConv2D depthwise, TfliteOperator op)
        {
            Expect(op.DepthwiseConv2D is { } o && o.StrideHeight == depthwise.Stride && o.StrideWidth == depthwise.Stride && o.DilationHeightFactor == 1 && o.DilationWidthFactor == 1
                && o.FusedActivation == ActivationFunction.None && o.DepthMultiplier is 0 or 1 && SamePadding(o.Padding, depthwise.Padding),
                depthwise, op, $"stride {depthwise.Stride}, padding {depthwise.Padding}, depth multiplier 1, no dilation, no fused activation");
            ExpectWeightInputs(depthwise, op);
        }

        private static void ExpectPool(MaxPooling2D pool, TfliteOperator op) =>
            Expect(op.Pool2D is { } o && o.FilterHeight == pool.PoolSize && o.FilterWidth == pool.PoolSize && o.StrideHeight == pool.Stride && o.StrideWidth == pool.Stride
                && o.FusedActivation == ActivationFunction.None && SamePadding(o.Padding, pool.Padding),
                pool, op, $"{pool.PoolSize}x{pool.PoolSize} window, stride {pool.Stride}, padding {pool.Padding}");

        private void ExpectChannelPadding(ChannelPadding padding, TfliteOperator op)
        {
            if (op.Inputs.Count != 2 || op.Inputs[1] < 0)
            {
                throw Mismatch($"operator {op.Index} (PAD) producing '{padding.Name}' has no paddings tensor.");
            }

            int[] actual = _model.ReadInt32(_model.Tensors[op.Inputs[1]]);
            int[] expected = [0, 0, 0, 0, 0, 0, padding.PadBefore, padding.PadAfter];
            Expect(actual.AsSpan().SequenceEqual(expected), padding, op, $"paddings [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
        }

        /// <summary>The second input must be the layer's alpha, directly or through DEQUANTIZE, one slope per channel.</summary>
        private void ExpectPRelu(PReLU prelu, TfliteOperator op)
        {
            WeightVariable alpha = prelu.Weights.Single();
            string name = alpha.Name;
            if (op.Inputs.Count != 2 || op.Inputs[1] < 0)
            {
                throw Mismatch($"operator {op.Index} (PRELU) producing '{prelu.Name}' has {op.Inputs.Count} inputs; expected input and alpha.");
            }

            string source = WeightSource(op.Inputs[1]);
            if (source != name)
            {
                throw Mismatch($"operator {op.Index} (PRELU) producing '{prelu.Name}' reads '{source}' where '{name}' belongs.");
            }

            ExpectShape(_model.Tensors[op.Inputs[1]], [.. alpha.Shape], name);
        }

        /// <summary>The filter and bias inputs must be the layer's named weights, directly or through DEQUANTIZE.</summary>
        private void ExpectWeightInputs(Layer layer, TfliteOperator op)
        {
            string[] names = [$"{layer.Name}/Kernel", $"{layer.Name}/Bias"];
            if (op.Inputs.Count != 3)
            {
                throw Mismatch($"operator {op.Index} ({op.Kind}) producing '{layer.Name}' has {op.Inputs.Count} inputs; expected input, filter and bias.");
            }

            for (int i = 0; i < names.Length; i++)
            {
                string source = WeightSource(op.Inputs[i + 1]);
                if (source != names[i])
                {
                    throw Mismatch($"operator {op.Index} ({op.Kind}) producing '{layer.Name}' reads '{source}' where '{names[i]}' belongs.");
                }
            }
        }

        private string WeightSource(int tensorIndex)
        {
            if (tensorIndex < 0)
            {
                return "(none)";
            }

            string name = _model.Tensors[tensorIndex].Name;
            if (_producers.TryGetValue(name, out TfliteOperator? producer) && producer.Kind == BuiltinOperator.Dequantize && producer.Inputs.Count == 1 && producer.Inputs[0] >= 0)
            {
                return _model.Tensors[producer.Inputs[0]].Name;
            }

            return name;
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
