using BlazeFace.Models.Tflite;

namespace BlazeFace.Tests.Models;

/// <summary>
/// Sparse constants expand to the dense tensor TFLite's format converter gives, and sparsity parameters that do not fit
/// the shape or the stored values are refused with <see cref="InvalidDataException"/>, never read out of bounds.
/// </summary>
public class SparseTensorDensifierTests
{
    // The 1x1 kernels of the sparse full-range model are stored like this: [O, 1, 1, I], dense levels for O and the
    // two unit dimensions, CSR over I. Here O = 3, I = 4: row 0 keeps columns 1 and 3, row 1 none, row 2 column 0.
    private static readonly int[] Shape = [3, 1, 1, 4];

    [Test]
    public void A_csr_kernel_expands_to_its_rows_with_zeros_elsewhere()
    {
        float[] dense = SparseTensorDensifier.Densify(Csr(segments: [0, 2, 2, 3], indices: [1, 3, 0]), Shape, [10f, 11f, 12f]);

        Assert.That(dense, Is.EqualTo(new float[] { 0, 10, 0, 11, 0, 0, 0, 0, 12, 0, 0, 0 }));
    }

    [Test]
    public void A_blocked_matrix_places_each_dense_block_at_its_block_column()
    {
        // A 2x4 matrix in 1x2 blocks: traversal rows, block columns (CSR), then the block's two values.
        var sparsity = new TensorSparsity(
            TraversalOrder: [0, 1, 2],
            BlockMap: [1],
            Levels:
            [
                new SparseLevel(false, 2, [], []),
                new SparseLevel(true, 0, [0, 1, 2], [1, 0]),
                new SparseLevel(false, 2, [], []),
            ]);

        float[] dense = SparseTensorDensifier.Densify(sparsity, [2, 4], [1f, 2f, 3f, 4f]);

        Assert.That(dense, Is.EqualTo(new float[] { 0, 0, 1, 2, 3, 4, 0, 0 }));
    }

    [Test]
    public void The_bundled_sparse_model_densifies_to_seventy_percent_zeros()
    {
        TfliteModel model = Support.ModelSurgery.Parse("models/face_detection_full_range_sparse.tflite");
        TfliteTensor[] sparse = [.. model.Tensors.Where(t => t.Sparsity is not null)];

        long zeros = sparse.Sum(t => (long)model.ReadFloat32(t).Count(v => v == 0f));
        long elements = sparse.Sum(t => t.ElementCount);

        Assert.That(sparse, Has.Length.EqualTo(46));
        Assert.That((double)zeros / elements, Is.EqualTo(0.70).Within(0.005));
    }

    private static IEnumerable<TestCaseData> DamagedParameters()
    {
        yield return Case(Csr([1, 2, 2, 3], [1, 3, 0]), 3, "segments not starting at 0");
        yield return Case(Csr([0, 2, 1, 3], [1, 3, 0]), 3, "decreasing segments");
        yield return Case(Csr([0, 2, 2, 4], [1, 3, 0]), 3, "segments past the indices");
        yield return Case(Csr([0, 2, 2], [1, 3, 0]), 3, "a segment missing");
        yield return Case(Csr([0, 2, 2, 3], [1, 4, 0]), 3, "an index beyond the dimension");
        yield return Case(Csr([0, 2, 2, 3], [3, 1, 0]), 3, "indices out of order in a row");
        yield return Case(Csr([0, 2, 2, 3], [1, 1, 0]), 3, "a repeated index");
        yield return Case(Csr([0, 2, 2, 3], [1, 3, 0]), 4, "more values than the traversal reaches");
        yield return Case(Csr([0, 2, 2, 3], [1, 3, 0]), 2, "fewer values than the traversal reaches");
        yield return Case(Csr([0, 2, 2, 3], [1, 3, 0]) with { TraversalOrder = [0, 1, 1, 3] }, 3, "a traversal order that is no permutation");
        yield return Case(Csr([0, 2, 2, 3], [1, 3, 0]) with { TraversalOrder = [0, 1, 2] }, 3, "too few traversal entries");
        yield return Case(Csr([0, 2, 2, 3], [1, 3, 0]) with { BlockMap = [7] }, 3, "a block map beyond the rank");
        yield return Case(Dense(first: 2), 3, "a dense size unlike the shape");
    }

    [TestCaseSource(nameof(DamagedParameters))]
    public void Damaged_parameters_are_refused_as_invalid_data(object sparsity, int storedValues)
    {
        float[] values = new float[storedValues];

        Assert.That(() => SparseTensorDensifier.Densify((TensorSparsity)sparsity, Shape, values), Throws.InstanceOf<InvalidDataException>());
    }

    private static TestCaseData Case(TensorSparsity sparsity, int storedValues, string name) =>
        new TestCaseData(sparsity, storedValues).SetArgDisplayNames(name);

    private static TensorSparsity Csr(int[] segments, int[] indices) => new(
        TraversalOrder: [0, 1, 2, 3],
        BlockMap: [],
        Levels:
        [
            new SparseLevel(false, 3, [], []),
            new SparseLevel(false, 1, [], []),
            new SparseLevel(false, 1, [], []),
            new SparseLevel(true, 0, segments, indices),
        ]);

    private static TensorSparsity Dense(int first) => Csr([0, 2, 2, 3], [1, 3, 0]) with
    {
        Levels = [new SparseLevel(false, first, [], []), new SparseLevel(false, 1, [], []), new SparseLevel(false, 1, [], []), new SparseLevel(true, 0, [0, 2, 2, 3], [1, 3, 0])],
    };
}
