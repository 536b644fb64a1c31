namespace BlazeFace.Docs.Tests.Markdown;

/// <summary>One fenced code block of a Markdown page.</summary>
/// <param name="File">The page, relative to the repository root, with forward slashes ("docs/api.md").</param>
/// <param name="FenceLine">The 1-based line of the opening fence; the block's first line of code is the next one.</param>
/// <param name="Language">The fence's language, lower case ("csharp", "sh"), or "" when it names none.</param>
/// <param name="Code">The lines between the fences, with the fence's indentation removed.</param>
/// <param name="SkipReason">
/// Why the tests do not run this block, from a <c>&lt;!-- docs-test: skip REASON --&gt;</c> comment on the line just
/// above the fence; null for a block that runs.
/// </param>
public sealed record CodeBlock(string File, int FenceLine, string Language, IReadOnlyList<string> Code, string? SkipReason)
{
    /// <summary>The languages a C# block may be tagged with.</summary>
    private static readonly string[] CSharpTags = ["csharp", "cs", "c#"];

    /// <summary>The languages a block of shell commands may be tagged with.</summary>
    private static readonly string[] ShellTags = ["sh", "shell", "bash", "console"];

    /// <summary>Whether the block is C#.</summary>
    public bool IsCSharp => CSharpTags.Contains(Language);

    /// <summary>Whether the block holds shell commands.</summary>
    public bool IsShell => ShellTags.Contains(Language);

    /// <summary>The 1-based line in <see cref="File"/> of the block's line <paramref name="index"/> (0-based).</summary>
    public int FileLine(int index) => FenceLine + 1 + index;

    /// <summary>Where the block is, as a reader finds it: "docs/api.md:42".</summary>
    public override string ToString() => $"{File}:{FenceLine}";
}
