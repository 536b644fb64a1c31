using System.Globalization;
using System.Text;

namespace BlazeFace.Benchmarks.Profiling;

/// <summary>Formats a profile as markdown: every step, then the totals per kind of step.</summary>
internal static class ProfileReport
{
    public static void Append(StringBuilder report, BlazeFaceModel model, IReadOnlyList<NodeProfile> nodes, double runSeconds, double flopsPerSecond, double bytesPerSecond)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        double flops = nodes.Sum(n => n.Flops), total = nodes.Sum(n => n.Seconds);
        double floor = nodes.Sum(n => Floor(n, flopsPerSecond, bytesPerSecond));
        report.AppendLine();
        report.AppendLine(c, $"### {model.Name}: {flops / 1e6:0.0} MFLOP; median run {runSeconds * 1e3:0.000} ms (steps add up to {total * 1e3:0.000} ms); floor {floor * 1e3:0.000} ms ({flops / flopsPerSecond * 1e3:0.000} ms of FLOPs); {flops / runSeconds / 1e9:0.0} GFLOP/s achieved");
        report.AppendLine();
        report.AppendLine("| # | step | layers | output | MFLOP | KB moved | µs | FLOP floor µs | memory floor µs | of floor | share of run |");
        report.AppendLine("| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < nodes.Count; i++)
        {
            NodeProfile n = nodes[i];
            double flopFloor = n.Flops / flopsPerSecond, memoryFloor = n.Bytes / bytesPerSecond;
            report.AppendLine(c, $"| {i} | {n.Kind} | {n.Name} | {n.OutputShape} | {n.Flops / 1e6:0.00} | {n.Bytes / 1024.0:0} | {n.Seconds * 1e6:0.0} | {flopFloor * 1e6:0.0} | {memoryFloor * 1e6:0.0} | {n.Seconds / Math.Max(flopFloor, memoryFloor):0.0}x | {n.Seconds / total:P1} |");
        }

        report.AppendLine();
        report.AppendLine("| kind of step | count | µs | share | floor µs | of floor | GFLOP/s |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (IGrouping<string, NodeProfile> group in nodes.GroupBy(n => n.Group).OrderByDescending(g => g.Sum(n => n.Seconds)))
        {
            double seconds = group.Sum(n => n.Seconds), groupFloor = group.Sum(n => Floor(n, flopsPerSecond, bytesPerSecond));
            report.AppendLine(c, $"| {group.Key} | {group.Count()} | {seconds * 1e6:0} | {seconds / total:P0} | {groupFloor * 1e6:0} | {seconds / groupFloor:0.0}x | {group.Sum(n => n.Flops) / seconds / 1e9:0.0} |");
        }
    }

    private static double Floor(NodeProfile node, double flopsPerSecond, double bytesPerSecond) =>
        Math.Max(node.Flops / flopsPerSecond, node.Bytes / bytesPerSecond);
}
