using System.Text.RegularExpressions;
using BlazeFace.Docs.Tests.Markdown;

namespace BlazeFace.Docs.Tests.Api;

/// <summary>
/// The types docs/api.md lists: table rows whose first cell links a type's name to its source file and whose second
/// cell is its namespace, <c>| [`FaceDetector`](../src/BlazeFace/FaceDetector.cs) | `BlazeFace` | ... |</c>.
/// </summary>
public static partial class ApiReference
{
    /// <summary>The page, relative to the repository root.</summary>
    public const string Page = "docs/api.md";

    /// <summary>Every listed type.</summary>
    public static IReadOnlyList<ListedType> Types { get; } = Read();

    private static ListedType[] Read()
    {
        string[] lines = DocumentationFiles.Lines(Page);
        var types = new List<ListedType>();
        for (int i = 0; i < lines.Length; i++)
        {
            Match row = TypeRow().Match(lines[i]);
            if (row.Success)
            {
                types.Add(new ListedType(row.Groups["namespace"].Value, row.Groups["name"].Value, row.Groups["link"].Value, i + 1));
            }
        }

        return [.. types];
    }

    [GeneratedRegex(@"^\|\s*\[`(?<name>[A-Za-z0-9_.]+)`\]\((?<link>[^)]+)\)\s*\|\s*`(?<namespace>[A-Za-z0-9_.]+)`\s*\|")]
    private static partial Regex TypeRow();
}

/// <summary>One type as docs/api.md lists it.</summary>
/// <param name="Namespace">The namespace the row names.</param>
/// <param name="Name">The type's name; a nested type as <c>Outer.Inner</c>.</param>
/// <param name="Link">The link target, relative to docs/.</param>
/// <param name="Line">The row's line in the page.</param>
public sealed record ListedType(string Namespace, string Name, string Link, int Line)
{
    /// <summary>The name as reflection spells it, with '.' for nesting: "BlazeFace.FaceKeypoints.Enumerator".</summary>
    public string FullName => $"{Namespace}.{Name}";
}
