using BlazeFace.Kernels;
using BlazeFace.Kernels.Convolution;
using BlazeFace.Models;
using BlazeFace.Models.Tflite;
using BlazeFace.Network;
using BlazeFace.Network.Layers;
using BlazeFace.Network.Loading;

namespace BlazeFace.Export.Onnx;

/// <summary>
/// Writes a compiled BlazeFace network as a standard float32 ONNX graph (opset 17) by walking its layers in data-flow
/// order: each Keras-style layer becomes the ONNX operator that computes the same thing, and each weight is read
/// through the layer's own weight variables, with the same checks as loading.
/// </summary>
/// <remarks>
/// <para>
/// The graph keeps TFLite's interface: input <c>input</c> [1, S, S, 3] (NHWC), outputs named by the model's spec (for
/// a detector <c>regressors</c> [1, N, 16] and <c>classificators</c> [1, N, 1] in TFLite's anchor order; for the face
/// landmark model <c>landmarks</c> [1, 1, 1, 1404] and <c>presence</c> [1, 1, 1, 1]). ONNX's Conv is NCHW, so the
/// input is transposed once, every feature map stays NCHW, and each head transposes its map back to NHWC before the
/// reshape so anchors come out in TFLite's order (row, column, anchor within the cell); an output that is a feature
/// map itself is transposed back to NHWC as the graph's last step.
/// </para>
/// <para>
/// TensorFlow's 'same' padding puts the odd pixel after (a 3x3 stride-2 window on 64 pixels pads 0 before and 1
/// after), so every convolution and pooling gets explicit <c>pads</c> computed exactly as the layers compute them,
/// not <c>auto_pad</c>.
/// </para>
/// </remarks>
internal static class OnnxExporter
{
    /// <summary>The operator set the graph is written for.</summary>
    public static long OpsetVersion => 17;

    /// <summary>ONNX IR version 8 is the one released with opset 17 (ONNX 1.12).</summary>
    public static long IrVersion => 8;

    /// <summary>The graph input's name, whatever the file calls it.</summary>
    public static string InputName => "input";

    public static OnnxModel Export(CompiledNetwork network, TfliteModel file, WeightSources weights, ModelSpec spec)
    {
        var export = new NetworkExport(network, file, weights, spec.OutputNames);
        foreach (Layer layer in network.Layers)
        {
            export.Add(layer);
        }

        TensorShape input = network.InputShape;
        OnnxGraph graph = export.Graph.Build(
            $"BlazeFace {spec.Name}",
            [new OnnxValueInfo(InputName, OnnxDataType.Float, 1, input.Height, input.Width, input.Channels)],
            export.AddOutputs());

        string version = typeof(OnnxExporter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        string doc = $"MediaPipe's {spec.Name} model, {input.Height}x{input.Width}, rebuilt layer by layer by BlazeFace for .NET. {spec.Description}";
        return new OnnxModel(IrVersion, OpsetVersion, "BlazeFace for .NET", version, doc, graph);
    }

    /// <summary>The translation state: which ONNX tensor holds each layer's output, and in which layout.</summary>
    private sealed class NetworkExport(CompiledNetwork network, TfliteModel file, WeightSources weights, IReadOnlyList<string> outputNames)
    {
        // Feature maps are NCHW inside the graph; the heads' [1, N, K] rows are kept as TFLite has them.
        private readonly HashSet<Layer> _rows = [];

        public OnnxGraphBuilder Graph { get; } = new();

        public void Add(Layer layer)
        {
            switch (layer)
            {
                case InputLayer:
                    Graph.AddNode("Transpose", TensorOf(layer), [InputName], OnnxAttribute.Ints("perm", 0, 3, 1, 2));
                    break;
                case ChannelMajor:
                    // ONNX tensors are NCHW throughout: a change of layout is nothing there.
                    break;
                case Conv2D conv:
                    AddConv(conv, conv.Geometry, group: 1, ConvFilter(conv), conv.Relu);
                    break;
                case DepthwiseConv2D depthwise:
                    AddConv(depthwise, depthwise.Geometry, group: depthwise.Channels, DepthwiseFilter(depthwise), depthwise.Relu);
                    break;
                case MaxPooling2D pool:
                    Graph.AddNode("MaxPool", TensorOf(pool), [TensorOf(pool.Inputs[0])], [.. WindowAttributes(pool.Geometry)]);
                    break;
                case ChannelPadding padding:
                    AddPad(padding, channelsBefore: padding.PadBefore, channelsAfter: padding.PadAfter, 0, 0, 0, 0);
                    break;
                case ZeroPadding2D padding:
                    AddPad(padding, 0, 0, padding.Top, padding.Bottom, padding.Left, padding.Right);
                    break;
                case BlazeFace.Network.Layers.Add add:
                    Graph.AddNode("Add", Preactivation(add, add.Relu), [TensorOf(add.Inputs[0]), TensorOf(add.Inputs[1])]);
                    AddFusedRelu(add, add.Relu);
                    break;
                case DepthToSpace depthToSpace:
                    // TensorFlow's DCR order on NHWC is ONNX's DCR on NCHW: output (c, b·y + dy, b·x + dx) reads channel (b·dy + dx)·C + c.
                    Graph.AddNode("DepthToSpace", TensorOf(depthToSpace), [TensorOf(depthToSpace.Inputs[0])],
                        OnnxAttribute.Int("blocksize", depthToSpace.BlockSize), OnnxAttribute.String("mode", "DCR"));
                    break;
                case ReLU relu:
                    Graph.AddNode("Relu", TensorOf(relu), [TensorOf(relu.Inputs[0])]);
                    break;
                case PReLU prelu:
                    AddPRelu(prelu);
                    break;
                case UpSampling2D upsampling:
                    AddUpSampling(upsampling);
                    break;
                case Reshape reshape:
                    AddReshape(reshape);
                    break;
                case Concatenate concatenate:
                    RequireRows(concatenate);
                    _rows.Add(concatenate);
                    Graph.AddNode("Concat", TensorOf(concatenate), [.. concatenate.Inputs.Select(TensorOf)], OnnxAttribute.Int("axis", 1));
                    break;
                default:
                    throw new NotSupportedException($"The ONNX export has no translation for {layer}.");
            }
        }

        /// <summary>
        /// The graph's outputs, each with its spec name: rows keep their [1, N, K]; a feature map (NCHW inside the
        /// graph) is transposed back to TFLite's NHWC. Call after every layer has been added.
        /// </summary>
        public OnnxValueInfo[] AddOutputs()
        {
            var outputs = new OnnxValueInfo[network.Outputs.Count];
            for (int i = 0; i < network.Outputs.Count; i++)
            {
                Layer layer = network.Outputs[i];
                TensorShape shape = layer.OutputShape;
                if (_rows.Contains(layer))
                {
                    outputs[i] = new OnnxValueInfo(outputNames[i], OnnxDataType.Float, 1, shape.Width, shape.Channels);
                }
                else
                {
                    Graph.AddNode("Transpose", outputNames[i], [TensorOf(layer)], OnnxAttribute.Ints("perm", 0, 2, 3, 1));
                    outputs[i] = new OnnxValueInfo(outputNames[i], OnnxDataType.Float, 1, shape.Height, shape.Width, shape.Channels);
                }
            }

            return outputs;
        }

        /// <summary>
        /// Rows that are outputs carry the spec's names whatever the file calls them (full range says
        /// "reshaped_regressor_face_4"); a feature map that is an output keeps its layer's name for its NCHW tensor,
        /// and <see cref="AddOutputs"/> gives the spec's name to its NHWC transpose.
        /// </summary>
        private string TensorOf(Layer layer)
        {
            int output = _rows.Contains(layer) ? IndexOf(network.Outputs, layer) : -1;
            return output >= 0 ? outputNames[output]
                : layer is InputLayer ? $"{layer.Name}/nchw"
                : layer is ChannelMajor ? TensorOf(layer.Inputs[0])
                : layer.Name;
        }

        private static int IndexOf(IReadOnlyList<Layer> layers, Layer layer)
        {
            for (int i = 0; i < layers.Count; i++)
            {
                if (ReferenceEquals(layers[i], layer))
                {
                    return i;
                }
            }

            return -1;
        }

        private void AddConv(Layer layer, in Conv2DGeometry geometry, int group, OnnxTensor filter, bool relu)
        {
            WeightVariable bias = layer.Weights.Single(w => w.Name.EndsWith("/Bias", StringComparison.Ordinal));
            string biasName = Graph.AddInitializer(OnnxTensor.Float(bias.Name, [geometry.Output.Channels], Read(bias)));
            string filterName = Graph.AddInitializer(filter);
            Graph.AddNode("Conv", Preactivation(layer, relu), [TensorOf(layer.Inputs[0]), filterName, biasName],
                [.. WindowAttributes(geometry), OnnxAttribute.Ints("dilations", 1, 1), OnnxAttribute.Int("group", group)]);
            AddFusedRelu(layer, relu);
        }

        /// <summary>
        /// Where an operator with a fused ReLU writes: ONNX has no fused activations, so its result is a tensor of its
        /// own that a Relu node (<see cref="AddFusedRelu"/>) turns into the layer's; without one, the layer's tensor.
        /// </summary>
        private string Preactivation(Layer layer, bool relu) => relu ? $"{layer.Name}/preactivation" : TensorOf(layer);

        private void AddFusedRelu(Layer layer, bool relu)
        {
            if (relu)
            {
                Graph.AddNode("Relu", TensorOf(layer), [Preactivation(layer, relu)]);
            }
        }

        /// <summary>TFLite's OHWI filter as ONNX's OIHW.</summary>
        private OnnxTensor ConvFilter(Conv2D conv)
        {
            WeightVariable kernel = conv.Weights.Single(w => w.Name.EndsWith("/Kernel", StringComparison.Ordinal));
            float[] ohwi = Read(kernel);
            int o = conv.Filters, k = conv.KernelSize, i = conv.Geometry.Input.Channels;
            float[] oihw = new float[ohwi.Length];
            for (int oc = 0; oc < o; oc++)
            {
                for (int y = 0; y < k; y++)
                {
                    for (int x = 0; x < k; x++)
                    {
                        for (int ic = 0; ic < i; ic++)
                        {
                            oihw[(((((oc * i) + ic) * k) + y) * k) + x] = ohwi[(((((oc * k) + y) * k) + x) * i) + ic];
                        }
                    }
                }
            }

            return OnnxTensor.Float(kernel.Name, [o, i, k, k], oihw);
        }

        /// <summary>TFLite's 1HWC depthwise filter as ONNX's grouped-convolution C1HW.</summary>
        private OnnxTensor DepthwiseFilter(DepthwiseConv2D depthwise)
        {
            WeightVariable kernel = depthwise.Weights.Single(w => w.Name.EndsWith("/Kernel", StringComparison.Ordinal));
            float[] hwc = Read(kernel);
            int c = depthwise.Channels, k = depthwise.KernelSize;
            float[] chw = new float[hwc.Length];
            for (int y = 0; y < k; y++)
            {
                for (int x = 0; x < k; x++)
                {
                    for (int ch = 0; ch < c; ch++)
                    {
                        chw[(((ch * k) + y) * k) + x] = hwc[(((y * k) + x) * c) + ch];
                    }
                }
            }

            return OnnxTensor.Float(kernel.Name, [c, 1, k, k], chw);
        }

        /// <summary>ONNX's PRelu broadcasts its slope from the right: TFLite's [1, 1, C] alpha becomes [C, 1, 1] against NCHW.</summary>
        private void AddPRelu(PReLU prelu)
        {
            WeightVariable alpha = prelu.Weights.Single();
            string slope = Graph.AddInitializer(OnnxTensor.Float(alpha.Name, [prelu.Channels, 1, 1], Read(alpha)));
            Graph.AddNode("PRelu", TensorOf(prelu), [TensorOf(prelu.Inputs[0]), slope]);
        }

        private void AddPad(Layer padding, int channelsBefore, int channelsAfter, int top, int bottom, int left, int right)
        {
            // Pad's pads input lists every axis's leading amounts, then every axis's trailing ones (N, C, H, W).
            string pads = Graph.AddInitializer(OnnxTensor.Int64($"{padding.Name}/pads", [0, channelsBefore, top, left, 0, channelsAfter, bottom, right]));
            Graph.AddNode("Pad", TensorOf(padding), [TensorOf(padding.Inputs[0]), pads], OnnxAttribute.String("mode", "constant"));
        }

        private void AddUpSampling(UpSampling2D upsampling)
        {
            TensorShape input = upsampling.Inputs[0].OutputShape, output = upsampling.OutputShape;
            float[] factors = [1, 1, (float)output.Height / input.Height, (float)output.Width / input.Width];
            string scales = Graph.AddInitializer(OnnxTensor.Float($"{upsampling.Name}/scales", [4], factors));

            // TensorFlow's half-pixel centres are ONNX's half_pixel; both clamp source coordinates to the image for
            // linear interpolation, so the first and last rows and columns repeat the edge.
            string transform = upsampling.AlignCorners ? "align_corners" : upsampling.HalfPixelCenters ? "half_pixel" : "asymmetric";
            Graph.AddNode("Resize", TensorOf(upsampling), [TensorOf(upsampling.Inputs[0]), string.Empty, scales],
                OnnxAttribute.String("mode", "linear"), OnnxAttribute.String("coordinate_transformation_mode", transform));
        }

        private void AddReshape(Reshape reshape)
        {
            Layer source = reshape.Inputs[0];
            string input = TensorOf(source);
            if (!_rows.Contains(source))
            {
                // TFLite reshapes NHWC memory: back to NHWC first, so anchors are ordered row, column, anchor in the cell.
                input = $"{reshape.Name}/nhwc";
                Graph.AddNode("Transpose", input, [TensorOf(source)], OnnxAttribute.Ints("perm", 0, 2, 3, 1));
            }

            TensorShape rows = reshape.OutputShape;
            string shape = Graph.AddInitializer(OnnxTensor.Int64($"{reshape.Name}/shape", [rows.Height, rows.Width, rows.Channels]));
            _rows.Add(reshape);
            Graph.AddNode("Reshape", TensorOf(reshape), [input, shape]);
        }

        private void RequireRows(Concatenate concatenate)
        {
            foreach (Layer input in concatenate.Inputs)
            {
                if (!_rows.Contains(input))
                {
                    throw new NotSupportedException($"The ONNX export concatenates only the heads' rows; '{concatenate.Name}' reads the feature map '{input.Name}'.");
                }
            }
        }

        private float[] Read(WeightVariable variable) => WeightAssigner.Read(variable, file, weights, network.Name);

        private static IEnumerable<OnnxAttribute> WindowAttributes(Conv2DGeometry geometry)
        {
            int padBottom = TrailingPad(geometry.Input.Height, geometry.Output.Height, geometry.KernelHeight, geometry.StrideHeight, geometry.PadTop);
            int padRight = TrailingPad(geometry.Input.Width, geometry.Output.Width, geometry.KernelWidth, geometry.StrideWidth, geometry.PadLeft);
            yield return OnnxAttribute.Ints("kernel_shape", geometry.KernelHeight, geometry.KernelWidth);
            yield return OnnxAttribute.Ints("strides", geometry.StrideHeight, geometry.StrideWidth);
            yield return OnnxAttribute.Ints("pads", geometry.PadTop, geometry.PadLeft, padBottom, padRight);
        }

        /// <summary>What the window walk needs after the input; 'valid' windows that stop short need none.</summary>
        private static int TrailingPad(int input, int output, int kernel, int stride, int padBefore) =>
            Math.Max(0, ((output - 1) * stride) + kernel - input - padBefore);
    }
}
