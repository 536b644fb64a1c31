using BlazeFace.Docs.Tests.Markdown;

namespace BlazeFace.Docs.Tests.Readme;

/// <summary>The README is a landing page: short, with the commands that build and test the repository as CI runs them.</summary>
public class ReadmeTests
{
    private const int MaxLines = 200;

    /// <summary>The test command the README shows and .ci/run runs first.</summary>
    private const string TestCommand = "dotnet test BlazeFace.sln -c Release";

    [Test]
    public void The_readme_is_at_most_200_lines()
    {
        string[] lines = DocumentationFiles.Lines("README.md");

        Assert.That(lines, Has.Length.LessThanOrEqualTo(MaxLines), "README.md is a landing page; details belong in docs/, history in CHANGELOG.md");
    }

    [Test]
    public void The_readme_shows_the_test_command_that_ci_runs()
    {
        IEnumerable<string> shown = DocumentationFiles.Blocks
            .Where(block => block.File == "README.md" && block.IsShell)
            .SelectMany(block => block.Code)
            .Select(line => line.Trim());
        string ci = File.ReadAllText(DocumentationFiles.FullPath(".ci/run"));

        Assert.That(shown, Does.Contain(TestCommand), "README.md shows the test command in a sh block");
        Assert.That(ci, Does.Contain(TestCommand + " 2>&1"), ".ci/run runs the README's test command");
    }

    [Test]
    public void The_readme_links_every_page_of_docs()
    {
        string readme = File.ReadAllText(DocumentationFiles.FullPath("README.md"));
        string[] pages = [.. DocumentationFiles.All.Where(page => page.StartsWith("docs/", StringComparison.Ordinal) && page != "docs/README.md")];

        Assert.That(pages.Where(page => !Links(readme, page)), Is.Empty, "pages of docs/ the README does not link");
    }

    [Test]
    public void The_docs_index_links_every_page_of_docs()
    {
        string index = File.ReadAllText(DocumentationFiles.FullPath("docs/README.md"));
        string[] pages = [.. DocumentationFiles.All.Where(page => page.StartsWith("docs/", StringComparison.Ordinal) && page != "docs/README.md")];

        Assert.That(pages.Where(page => !Links(index, page["docs/".Length..])), Is.Empty, "pages docs/README.md does not link");
    }

    /// <summary>Whether a Markdown text links to a page, to the page itself or to a section of it.</summary>
    private static bool Links(string text, string target) =>
        text.Contains($"({target})", StringComparison.Ordinal) || text.Contains($"({target}#", StringComparison.Ordinal);
}
