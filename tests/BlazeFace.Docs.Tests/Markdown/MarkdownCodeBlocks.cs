using System.Text.RegularExpressions;

namespace BlazeFace.Docs.Tests.Markdown;

/// <summary>
/// Reads the fenced code blocks (``` or ~~~, indented or not, as in a list item) out of a Markdown page, with the
/// line each starts on and the skip marker above it, if any.
/// </summary>
public static partial class MarkdownCodeBlocks
{
    /// <summary>The one way to exempt a block from the tests; the reason is required.</summary>
    public const string SkipMarker = "<!-- docs-test: skip ";

    /// <summary>Reads every fenced block of a page.</summary>
    /// <param name="relativePath">The page's path relative to the repository root, as reports name it.</param>
    /// <param name="lines">The page's lines.</param>
    /// <exception cref="FormatException">A fence is never closed.</exception>
    public static IEnumerable<CodeBlock> Read(string relativePath, IReadOnlyList<string> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            Match open = OpeningFence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            string indent = open.Groups["indent"].Value;
            string fence = open.Groups["fence"].Value;
            string language = open.Groups["info"].Value.Trim().Split(' ', 2)[0].ToLowerInvariant();
            string? skipReason = i > 0 ? SkipReasonOf(lines[i - 1]) : null;
            int fenceLine = i + 1;
            var code = new List<string>();
            for (i++; ; i++)
            {
                if (i == lines.Count)
                {
                    throw new FormatException($"{relativePath}:{fenceLine}: the code block is never closed.");
                }

                string line = lines[i];
                if (IsClosingFence(line, fence))
                {
                    break;
                }

                code.Add(line.StartsWith(indent, StringComparison.Ordinal) ? line[indent.Length..] : line.TrimStart());
            }

            yield return new CodeBlock(relativePath, fenceLine, language, code, skipReason);
        }
    }

    /// <summary>The reason of a skip marker line, or null if the line is not one.</summary>
    private static string? SkipReasonOf(string line)
    {
        string trimmed = line.Trim();
        if (!trimmed.StartsWith(SkipMarker, StringComparison.Ordinal) || !trimmed.EndsWith("-->", StringComparison.Ordinal))
        {
            return null;
        }

        string reason = trimmed[SkipMarker.Length..^3].Trim();
        return reason.Length > 0 ? reason : throw new FormatException($"'{trimmed}': a skip marker must say why.");
    }

    /// <summary>A closing fence: at least as many of the same character as the opening one, and nothing else.</summary>
    private static bool IsClosingFence(string line, string fence)
    {
        string trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]);
    }

    [GeneratedRegex(@"^(?<indent>\s*)(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex OpeningFence();
}
