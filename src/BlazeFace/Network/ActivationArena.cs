namespace BlazeFace.Network;

/// <summary>
/// Gives the fused run's activations shared storage: a buffer is reused as soon as the last step reading its
/// previous tensor has run. Every layer owning its own output would touch 20-36 MB per full-range frame, far more than
/// the cache; with reuse a frame lives in a few buffers the size of the largest activations.
/// </summary>
/// <remarks>
/// After this, only the fused run (<see cref="BlazeFaceNetwork.Run"/>) is valid: a layer-by-layer run would write
/// tensors the plan knows nothing about into shared storage.
/// </remarks>
internal static class ActivationArena
{
    public static void Assign(InputLayer input, IReadOnlyList<INetworkNode> nodes, IReadOnlyList<Layer> outputs)
    {
        // The step after which each tensor is no longer read; outputs are read by the caller after the last step.
        var lastRead = new Dictionary<Layer, int> { [input] = -1 };
        for (int step = 0; step < nodes.Count; step++)
        {
            foreach (Layer layer in nodes[step].Reads)
            {
                lastRead[layer] = step;
            }

            foreach (Layer layer in nodes[step].Writes)
            {
                lastRead.TryAdd(layer, step);
            }
        }

        foreach (Layer output in outputs)
        {
            lastRead[output] = int.MaxValue;
        }

        var free = new List<float[]>();
        var live = new List<(Layer Layer, float[] Buffer)>();
        Bind(input, Take(free, input.OutputShape.Length), live);
        for (int step = 0; step < nodes.Count; step++)
        {
            // Release what no step from here on reads; buffers read by this step stay live until it has run.
            for (int i = live.Count - 1; i >= 0; i--)
            {
                if (lastRead[live[i].Layer] < step)
                {
                    free.Add(live[i].Buffer);
                    live.RemoveAt(i);
                }
            }

            foreach (Layer layer in nodes[step].Writes)
            {
                Bind(layer, Take(free, layer.OutputShape.Length), live);
            }
        }
    }

    private static void Bind(Layer layer, float[] buffer, List<(Layer, float[])> live)
    {
        layer.Output = new FeatureMap(layer.OutputShape, buffer, 0);
        live.Add((layer, buffer));
    }

    /// <summary>The smallest free buffer that fits (best fit keeps the big ones for big tensors), or a new one.</summary>
    private static float[] Take(List<float[]> free, int length)
    {
        int best = -1;
        for (int i = 0; i < free.Count; i++)
        {
            if (free[i].Length >= length && (best < 0 || free[i].Length < free[best].Length))
            {
                best = i;
            }
        }

        if (best < 0)
        {
            return new float[length];
        }

        float[] buffer = free[best];
        free.RemoveAt(best);
        return buffer;
    }
}
