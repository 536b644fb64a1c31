namespace BlazeFace.PostProcessing.Anchors;

/// <summary>
/// Generates SSD anchors the way MediaPipe's <c>SsdAnchorsCalculator</c> does, so that a model trained against
/// those anchors decodes correctly.
/// </summary>
/// <remarks>
/// Anchors are produced feature map by feature map; within one, row by row (y), then column by column (x), then
/// the anchors of that cell in order. This is the order of the network's output rows.
/// </remarks>
internal static class SsdAnchorGenerator
{
    /// <summary>Generates the anchors described by <paramref name="options"/>.</summary>
    /// <param name="options">The layout, from a model's spec.</param>
    /// <returns>The anchors in the network's output order, normalised to the input size.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the parameter name is the offending property.</exception>
    public static Anchor[] Generate(SsdAnchorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var anchors = new List<Anchor>();
        var cellShapes = new List<AnchorShape>();
        int layer = 0;
        while (layer < options.NumLayers)
        {
            // Consecutive layers with the same stride predict from the same feature map, so their anchor shapes
            // are merged into one per-cell list, layer by layer, and the map is walked once.
            int stride = options.Strides[layer];
            int nextMap = layer;
            cellShapes.Clear();
            while (nextMap < options.NumLayers && options.Strides[nextMap] == stride)
            {
                AddCellShapes(options, nextMap, cellShapes);
                nextMap++;
            }

            AddFeatureMap(options, stride, cellShapes, anchors);
            layer = nextMap;
        }

        return [.. anchors];
    }

    private static void AddCellShapes(SsdAnchorOptions options, int layer, List<AnchorShape> cellShapes)
    {
        float scale = LayerScale(options, layer);
        if (layer == 0 && options.ReduceBoxesInLowestLayer)
        {
            // MediaPipe's predefined lowest-layer set: a small square, then the layer's scale at two elongations.
            cellShapes.Add(AnchorShape.Of(0.1f, 1.0f));
            cellShapes.Add(AnchorShape.Of(scale, 2.0f));
            cellShapes.Add(AnchorShape.Of(scale, 0.5f));
            return;
        }

        foreach (float ratio in options.AspectRatios)
        {
            cellShapes.Add(AnchorShape.Of(scale, ratio));
        }

        if (options.InterpolatedScaleAspectRatio > 0)
        {
            float nextScale = layer == options.Strides.Count - 1 ? 1.0f : LayerScale(options, layer + 1);
            cellShapes.Add(AnchorShape.Of(MathF.Sqrt(scale * nextScale), options.InterpolatedScaleAspectRatio));
        }
    }

    private static void AddFeatureMap(SsdAnchorOptions options, int stride, List<AnchorShape> cellShapes, List<Anchor> anchors)
    {
        int mapWidth = CeilingDivide(options.InputWidth, stride);
        int mapHeight = CeilingDivide(options.InputHeight, stride);
        for (int y = 0; y < mapHeight; y++)
        {
            float centerY = (y + options.AnchorOffsetY) / mapHeight;
            for (int x = 0; x < mapWidth; x++)
            {
                float centerX = (x + options.AnchorOffsetX) / mapWidth;
                foreach (AnchorShape shape in cellShapes)
                {
                    anchors.Add(options.FixedAnchorSize
                        ? new Anchor(centerX, centerY, 1f, 1f)
                        : new Anchor(centerX, centerY, shape.Width, shape.Height));
                }
            }
        }
    }

    /// <summary>The scale of <paramref name="layer"/>, linear from MinScale (first layer) to MaxScale (last).</summary>
    private static float LayerScale(SsdAnchorOptions options, int layer)
    {
        int layerCount = options.Strides.Count;
        if (layerCount == 1)
        {
            return (options.MinScale + options.MaxScale) * 0.5f;
        }

        // MediaPipe interpolates in double and rounds the result to float; doing the same keeps the anchor sizes
        // bit-identical to its for non-fixed-size layouts.
        double span = options.MaxScale - options.MinScale;
        return (float)(options.MinScale + (span * layer / (layerCount - 1.0)));
    }

    // Both operands are positive (validated); this form cannot overflow, unlike value + divisor - 1.
    private static int CeilingDivide(int value, int divisor) => ((value - 1) / divisor) + 1;

    /// <summary>Width and height of one anchor in a cell, relative to the input size.</summary>
    private readonly record struct AnchorShape(float Width, float Height)
    {
        /// <summary>A box of the given scale whose width / height is <paramref name="aspectRatio"/>, area scale².</summary>
        public static AnchorShape Of(float scale, float aspectRatio)
        {
            float ratioRoot = MathF.Sqrt(aspectRatio);
            return new AnchorShape(scale * ratioRoot, scale / ratioRoot);
        }
    }
}
