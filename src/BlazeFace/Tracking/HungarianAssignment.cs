namespace BlazeFace.Tracking;

/// <summary>
/// Minimum-cost assignment of the rows of a small cost matrix to its columns (the Hungarian method, in the
/// shortest-augmenting-path form with row and column potentials), O(n² m) for n ≤ m. Buffers are sized once for the
/// largest matrix, so solving allocates nothing.
/// </summary>
/// <remarks>
/// Every row of the smaller side is assigned; a caller that must leave pairs unmatched gives them a cost larger than
/// any sum of allowed costs and drops them afterwards, which makes the result the largest set of allowed pairs with
/// the smallest total cost among such sets.
/// </remarks>
internal sealed class HungarianAssignment
{
    private readonly double[] _rowPotential;
    private readonly double[] _columnPotential;
    private readonly double[] _slack;
    private readonly int[] _columnOwner;
    private readonly int[] _previousColumn;
    private readonly bool[] _visited;

    /// <param name="capacity">The largest row or column count <see cref="Solve"/> will be given.</param>
    public HungarianAssignment(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _rowPotential = new double[capacity + 1];
        _columnPotential = new double[capacity + 1];
        _slack = new double[capacity + 1];
        _columnOwner = new int[capacity + 1];
        _previousColumn = new int[capacity + 1];
        _visited = new bool[capacity + 1];
    }

    /// <summary>Assigns rows to columns at the smallest total cost.</summary>
    /// <param name="costs">The matrix, row-major: <paramref name="rows"/> x <paramref name="columns"/> finite values.</param>
    /// <param name="rows">Row count, at most the capacity.</param>
    /// <param name="columns">Column count, at most the capacity.</param>
    /// <param name="rowToColumn">Receives, for each row, its column, or -1 when there are more rows than columns and it got none.</param>
    public void Solve(ReadOnlySpan<float> costs, int rows, int columns, Span<int> rowToColumn)
    {
        if (rows > _slack.Length - 1 || columns > _slack.Length - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"A {rows}x{columns} matrix exceeds the capacity of {_slack.Length - 1}.");
        }

        if (costs.Length < rows * columns || rowToColumn.Length < rows)
        {
            throw new ArgumentException("The cost matrix or the result span is too short.", nameof(costs));
        }

        rowToColumn[..rows].Fill(-1);
        if (rows == 0 || columns == 0)
        {
            return;
        }

        // The method assigns every row of the smaller side, so a tall matrix is solved transposed.
        bool transposed = rows > columns;
        int n = transposed ? columns : rows;
        int m = transposed ? rows : columns;
        SolveWide(costs, columns, transposed, n, m);

        for (int column = 1; column <= m; column++)
        {
            int row = _columnOwner[column];
            if (row == 0)
            {
                continue;
            }

            if (transposed)
            {
                rowToColumn[column - 1] = row - 1;
            }
            else
            {
                rowToColumn[row - 1] = column - 1;
            }
        }
    }

    /// <summary>
    /// The n ≤ m case, 1-based as in the textbook statement: column 0 is a virtual column that holds the row being
    /// inserted; each pass grows a tree of tight edges by Dijkstra-like steps on the reduced costs until it reaches a
    /// free column, then flips the augmenting path.
    /// </summary>
    private void SolveWide(ReadOnlySpan<float> costs, int stride, bool transposed, int n, int m)
    {
        Span<double> u = _rowPotential.AsSpan(0, n + 1);
        Span<double> v = _columnPotential.AsSpan(0, m + 1);
        Span<double> slack = _slack.AsSpan(0, m + 1);
        Span<int> owner = _columnOwner.AsSpan(0, m + 1);
        Span<int> previous = _previousColumn.AsSpan(0, m + 1);
        Span<bool> visited = _visited.AsSpan(0, m + 1);
        u.Clear();
        v.Clear();
        owner.Clear();

        for (int row = 1; row <= n; row++)
        {
            owner[0] = row;
            int column = 0;
            slack.Fill(double.PositiveInfinity);
            visited.Clear();
            do
            {
                visited[column] = true;
                int owningRow = owner[column];
                double delta = double.PositiveInfinity;
                int next = 0;
                for (int j = 1; j <= m; j++)
                {
                    if (visited[j])
                    {
                        continue;
                    }

                    float cost = transposed ? costs[((j - 1) * stride) + owningRow - 1] : costs[((owningRow - 1) * stride) + j - 1];
                    double reduced = cost - u[owningRow] - v[j];
                    if (reduced < slack[j])
                    {
                        slack[j] = reduced;
                        previous[j] = column;
                    }

                    if (slack[j] < delta)
                    {
                        delta = slack[j];
                        next = j;
                    }
                }

                for (int j = 0; j <= m; j++)
                {
                    if (visited[j])
                    {
                        u[owner[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        slack[j] -= delta;
                    }
                }

                column = next;
            }
            while (owner[column] != 0);

            do
            {
                int before = previous[column];
                owner[column] = owner[before];
                column = before;
            }
            while (column != 0);
        }
    }
}
