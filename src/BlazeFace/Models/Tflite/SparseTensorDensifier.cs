namespace BlazeFace.Models.Tflite;

/// <summary>
/// Expands a sparse tensor's stored values into the dense tensor, walking the traversal as TFLite's format converter
/// does; every order, map, segment, index and count is checked against the shape and the stored values before it is
/// used, so a damaged file is refused rather than read out of bounds or silently misplaced.
/// </summary>
/// <remarks>
/// A DENSE level of size s turns each position p of the level above into s positions p * s + i (coordinate i); a
/// SPARSE_CSR level turns p into the positions segments[p] .. segments[p + 1] - 1 (coordinates indices[q]). After
/// the last level a position is an index into the stored values. A block dimension j adds its coordinate to
/// tensor dimension block_map[j] scaled by the block size.
/// </remarks>
internal static class SparseTensorDensifier
{
    /// <summary>The dense tensor, row-major over <paramref name="shape"/>.</summary>
    /// <exception cref="InvalidDataException">The sparsity parameters or the stored values do not describe a tensor of this shape.</exception>
    public static float[] Densify(TensorSparsity sparsity, IReadOnlyList<int> shape, ReadOnlySpan<float> values)
    {
        int rank = shape.Count;
        int blocks = sparsity.BlockMap.Length;
        int levels = rank + blocks;
        CheckOrder(sparsity, rank, blocks);

        // Sizes of the expanded dimensions: tensor dimensions divided by their block size, then the block dimensions.
        int[] sizes = new int[levels];
        for (int d = 0; d < rank; d++)
        {
            sizes[d] = shape[d];
        }

        for (int j = 0; j < blocks; j++)
        {
            int level = Array.IndexOf(sparsity.TraversalOrder, rank + j);
            int blockSize = sparsity.Levels[level].DenseSize;
            int blocked = sparsity.BlockMap[j];
            if (sparsity.Levels[level].IsCompressed || blockSize < 1 || shape[blocked] % blockSize != 0)
            {
                throw new InvalidDataException($"block dimension {j} (size {blockSize}) must be dense and divide dimension {blocked} ({shape[blocked]})");
            }

            sizes[rank + j] = blockSize;
            sizes[blocked] = shape[blocked] / blockSize;
        }

        long elements = 1;
        foreach (int dimension in shape)
        {
            elements *= dimension;
        }

        // Positions per level, checked as the walk would meet them; the stored values must be exactly the last level's.
        long positions = 1;
        for (int level = 0; level < levels; level++)
        {
            SparseLevel metadata = sparsity.Levels[level];
            int size = sizes[sparsity.TraversalOrder[level]];
            positions = metadata.IsCompressed ? CheckCompressed(metadata, positions, size, level) : CheckDense(metadata, positions, size, level, elements);
        }

        if (positions != values.Length)
        {
            throw new InvalidDataException($"the sparsity parameters reach {positions} values, but the tensor stores {values.Length}");
        }

        float[] dense = new float[elements];
        Span<int> coordinates = stackalloc int[levels];
        Walk(sparsity, shape, sizes, values, dense, coordinates, level: 0, position: 0);
        return dense;
    }

    private static void CheckOrder(TensorSparsity sparsity, int rank, int blocks)
    {
        int levels = rank + blocks;
        if (sparsity.TraversalOrder.Length != levels || sparsity.Levels.Length != levels)
        {
            throw new InvalidDataException(
                $"a {rank}-dimensional tensor with {blocks} block dimensions needs {levels} traversal entries and dimension metadata; it has {sparsity.TraversalOrder.Length} and {sparsity.Levels.Length}");
        }

        // The tensor's dimensions come first (in any order), the block dimensions after them (in any order).
        if (!IsPermutation(sparsity.TraversalOrder.AsSpan(0, rank), 0, rank) || !IsPermutation(sparsity.TraversalOrder.AsSpan(rank), rank, blocks))
        {
            throw new InvalidDataException($"traversal order [{string.Join(", ", sparsity.TraversalOrder)}] is not the tensor's {rank} dimensions followed by its {blocks} block dimensions");
        }

        var blocked = new HashSet<int>();
        foreach (int dimension in sparsity.BlockMap)
        {
            if (dimension < 0 || dimension >= rank || !blocked.Add(dimension))
            {
                throw new InvalidDataException($"block map [{string.Join(", ", sparsity.BlockMap)}] must name distinct dimensions below {rank}");
            }
        }
    }

    private static bool IsPermutation(ReadOnlySpan<int> values, int first, int count)
    {
        Span<bool> seen = stackalloc bool[count];
        foreach (int value in values)
        {
            int slot = value - first;
            if (slot < 0 || slot >= count || seen[slot])
            {
                return false;
            }

            seen[slot] = true;
        }

        return true;
    }

    private static long CheckDense(SparseLevel level, long positions, int size, int index, long elements)
    {
        if (level.DenseSize != size)
        {
            throw new InvalidDataException($"dense dimension level {index} has size {level.DenseSize}; the tensor's shape gives {size}");
        }

        long next = positions * size;
        return next <= elements ? next : throw new InvalidDataException($"level {index} reaches {next} positions, more than the tensor's {elements} elements");
    }

    private static long CheckCompressed(SparseLevel level, long positions, int size, int index)
    {
        int[] segments = level.Segments, indices = level.Indices;
        if (segments.Length != positions + 1)
        {
            throw new InvalidDataException($"compressed level {index} has {segments.Length} segment entries; the level above has {positions} positions, so it needs {positions + 1}");
        }

        if (segments[0] != 0 || segments[^1] > indices.Length)
        {
            throw new InvalidDataException($"compressed level {index}'s segments run from {segments[0]} to {segments[^1]}; they must start at 0 and end within its {indices.Length} indices");
        }

        for (int p = 0; p < positions; p++)
        {
            if (segments[p + 1] < segments[p])
            {
                throw new InvalidDataException($"compressed level {index}'s segments decrease at entry {p + 1} ({segments[p]} to {segments[p + 1]})");
            }

            // Coordinates within a row ascend strictly: a repeated or unordered index would store two values in one cell.
            for (int q = segments[p]; q < segments[p + 1]; q++)
            {
                if ((uint)indices[q] >= (uint)size || (q > segments[p] && indices[q] <= indices[q - 1]))
                {
                    throw new InvalidDataException($"compressed level {index}'s index {q} is {indices[q]}; indices of a row must ascend and lie below {size}");
                }
            }
        }

        return segments[^1];
    }

    private static void Walk(
        TensorSparsity sparsity, IReadOnlyList<int> shape, int[] sizes, ReadOnlySpan<float> values, float[] dense, Span<int> coordinates, int level, long position)
    {
        if (level == coordinates.Length)
        {
            dense[DenseOffset(sparsity, shape, sizes, coordinates)] = values[(int)position];
            return;
        }

        SparseLevel metadata = sparsity.Levels[level];
        int dimension = sparsity.TraversalOrder[level];
        if (!metadata.IsCompressed)
        {
            for (int i = 0; i < metadata.DenseSize; i++)
            {
                coordinates[dimension] = i;
                Walk(sparsity, shape, sizes, values, dense, coordinates, level + 1, (position * metadata.DenseSize) + i);
            }

            return;
        }

        for (int q = metadata.Segments[position]; q < metadata.Segments[position + 1]; q++)
        {
            coordinates[dimension] = metadata.Indices[q];
            Walk(sparsity, shape, sizes, values, dense, coordinates, level + 1, q);
        }
    }

    private static long DenseOffset(TensorSparsity sparsity, IReadOnlyList<int> shape, int[] sizes, ReadOnlySpan<int> coordinates)
    {
        int rank = shape.Count;
        long offset = 0;
        for (int d = 0; d < rank; d++)
        {
            int coordinate = coordinates[d];
            int block = Array.IndexOf(sparsity.BlockMap, d);
            if (block >= 0)
            {
                coordinate = (coordinate * sizes[rank + block]) + coordinates[rank + block];
            }

            offset = (offset * shape[d]) + coordinate;
        }

        return offset;
    }
}
