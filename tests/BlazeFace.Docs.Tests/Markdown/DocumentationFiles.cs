using BlazeFace.Tests.Support;

namespace BlazeFace.Docs.Tests.Markdown;

/// <summary>
/// The pages whose code the tests check: the README, CONTRIBUTING.md, CHANGELOG.md, everything under docs/ (but the
/// chart's machine-written inputs in docs/race/), and the readmes the packages and samples ship with.
/// </summary>
public static class DocumentationFiles
{
    /// <summary>Every checked page, relative to the repository root with forward slashes, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = Find();

    /// <summary>Every fenced block of every checked page.</summary>
    public static IReadOnlyList<CodeBlock> Blocks { get; } = [.. All.SelectMany(file => MarkdownCodeBlocks.Read(file, Lines(file)))];

    /// <summary>The lines of a checked page.</summary>
    /// <param name="relativePath">The page's path relative to the repository root.</param>
    public static string[] Lines(string relativePath) => File.ReadAllLines(FullPath(relativePath));

    /// <summary>The absolute path of a file given relative to the repository root.</summary>
    /// <param name="relativePath">The path, with forward slashes.</param>
    public static string FullPath(string relativePath) => Path.Combine(RepositoryPaths.Root, relativePath);

    private static string[] Find()
    {
        string root = RepositoryPaths.Root;
        IEnumerable<string> topLevel = new[] { "README.md", "CONTRIBUTING.md", "CHANGELOG.md" }
            .Where(name => File.Exists(Path.Combine(root, name)));
        IEnumerable<string> docs = Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(path => Relative(root, path))
            .Where(path => !path.StartsWith("docs/race/", StringComparison.Ordinal));
        IEnumerable<string> packageReadmes = Directory.EnumerateFiles(Path.Combine(root, "src"), "PACKAGE.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "samples"), "README.md", SearchOption.AllDirectories))
            .Select(path => Relative(root, path))
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal));
        return [.. topLevel, .. docs.Concat(packageReadmes).Order(StringComparer.Ordinal)];
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
