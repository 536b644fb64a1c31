using BlazeFace.Tracking;

namespace BlazeFace.Tests.Tracking;

/// <summary>The assignment is optimal: checked against every possible assignment of small matrices.</summary>
public class HungarianAssignmentTests
{
    [Test]
    public void Finds_the_cheapest_assignment_of_every_small_matrix_shape()
    {
        var random = new Random(11);
        var solver = new HungarianAssignment(6);
        int[] rowToColumn = new int[6];
        for (int rows = 1; rows <= 6; rows++)
        {
            for (int columns = 1; columns <= 6; columns++)
            {
                for (int trial = 0; trial < 30; trial++)
                {
                    // Some entries repeated, as the tracker's "forbidden" cost is.
                    float[] costs = [.. Enumerable.Range(0, rows * columns).Select(_ => random.Next(4) == 0 ? 7f : random.NextSingle())];

                    solver.Solve(costs, rows, columns, rowToColumn);

                    AssertIsAnAssignment(rowToColumn.AsSpan(0, rows), columns);
                    Assert.That(Cost(costs, columns, rowToColumn.AsSpan(0, rows)), Is.EqualTo(BruteForceMinimum(costs, rows, columns)).Within(1e-4), $"{rows}x{columns} trial {trial}");
                }
            }
        }
    }

    [Test]
    public void An_empty_matrix_assigns_nothing()
    {
        int[] rowToColumn = [5, 5];

        new HungarianAssignment(2).Solve([], 2, 0, rowToColumn);

        Assert.That(rowToColumn, Is.EqualTo(new[] { -1, -1 }));
    }

    [Test]
    public void A_matrix_larger_than_the_capacity_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HungarianAssignment(2).Solve(new float[9], 3, 3, new int[3]));
    }

    private static void AssertIsAnAssignment(ReadOnlySpan<int> rowToColumn, int columns)
    {
        int assigned = 0;
        var used = new HashSet<int>();
        foreach (int column in rowToColumn)
        {
            if (column < 0)
            {
                continue;
            }

            Assert.That(column, Is.LessThan(columns));
            Assert.That(used.Add(column), Is.True, "each column at most once");
            assigned++;
        }

        Assert.That(assigned, Is.EqualTo(Math.Min(rowToColumn.Length, columns)), "every row of the smaller side is assigned");
    }

    private static double Cost(float[] costs, int columns, ReadOnlySpan<int> rowToColumn)
    {
        double total = 0;
        for (int row = 0; row < rowToColumn.Length; row++)
        {
            total += rowToColumn[row] >= 0 ? costs[(row * columns) + rowToColumn[row]] : 0;
        }

        return total;
    }

    private static double BruteForceMinimum(float[] costs, int rows, int columns)
    {
        double best = double.PositiveInfinity;
        var used = new bool[columns];
        void Search(int row, int unassignedLeft, double total)
        {
            if (row == rows)
            {
                best = Math.Min(best, total);
                return;
            }

            for (int column = 0; column < columns; column++)
            {
                if (!used[column])
                {
                    used[column] = true;
                    Search(row + 1, unassignedLeft, total + costs[(row * columns) + column]);
                    used[column] = false;
                }
            }

            // With more rows than columns, some rows go without.
            if (unassignedLeft > 0)
            {
                Search(row + 1, unassignedLeft - 1, total);
            }
        }

        Search(0, Math.Max(0, rows - columns), 0);
        return best;
    }
}
