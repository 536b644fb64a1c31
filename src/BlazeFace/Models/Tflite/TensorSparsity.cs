namespace BlazeFace.Models.Tflite;

/// <summary>
/// How a sparse constant tensor stores its values (TFLite's <c>SparsityParameters</c>): the dimensions, in
/// <see cref="TraversalOrder"/>, each DENSE or SPARSE_CSR, optionally with dense blocks (<see cref="BlockMap"/>). The
/// tensor's buffer holds only the values the traversal reaches.
/// </summary>
/// <param name="TraversalOrder">The order the dimensions are walked: the tensor's n dimensions, then k block dimensions.</param>
/// <param name="BlockMap">For each block dimension, the tensor dimension it splits.</param>
/// <param name="Levels">One entry per traversed dimension, in traversal order.</param>
internal sealed record TensorSparsity(int[] TraversalOrder, int[] BlockMap, SparseLevel[] Levels);

/// <summary>One level of a sparse tensor's traversal (TFLite's <c>DimensionMetadata</c>).</summary>
/// <param name="IsCompressed">SPARSE_CSR (true) or DENSE (false).</param>
/// <param name="DenseSize">A dense level's size.</param>
/// <param name="Segments">A compressed level's row starts: one per position of the level above, plus the end.</param>
/// <param name="Indices">A compressed level's coordinates, one per stored position.</param>
internal sealed record SparseLevel(bool IsCompressed, int DenseSize, int[] Segments, int[] Indices);
