using BlazeFace.Docs.Tests.Markdown;

namespace BlazeFace.Docs.Tests.Snippets;

/// <summary>
/// Every C# block in the README, CONTRIBUTING.md, docs/ and the package readmes compiles against the current API, so a
/// renamed or removed member breaks this test instead of a reader's code.
/// </summary>
public class CSharpSnippetTests
{
    /// <summary>
    /// C# blocks exempted with a skip marker. The marker is for pseudo-code only; raising this number is a decision a
    /// reviewer sees.
    /// </summary>
    private const int ExpectedSkippedBlocks = 0;

    private static IEnumerable<TestCaseData> Blocks() =>
        DocumentationFiles.Blocks
            .Where(block => block.IsCSharp && block.SkipReason is null)
            .Select(block => new TestCaseData(block).SetArgDisplayNames(block.ToString()));

    [TestCaseSource(nameof(Blocks))]
    public void Each_csharp_block_compiles_against_the_packages(CodeBlock block)
    {
        IReadOnlyList<string> problems = SnippetCompiler.Problems(block);

        Assert.That(problems, Is.Empty, $"{block}: the block does not compile:\n{string.Join('\n', problems)}");
    }

    [Test]
    public void The_pages_show_csharp_at_all()
    {
        Assert.That(DocumentationFiles.Blocks.Count(block => block.IsCSharp), Is.GreaterThanOrEqualTo(20), "the extraction finds the pages' C# blocks");
        Assert.That(DocumentationFiles.All, Does.Contain("README.md").And.Contain("docs/getting-started.md").And.Contain("CONTRIBUTING.md"));
    }

    [Test]
    public void Only_the_expected_number_of_csharp_blocks_is_skipped()
    {
        CodeBlock[] skipped = [.. DocumentationFiles.Blocks.Where(block => block.IsCSharp && block.SkipReason is not null)];

        Assert.That(skipped, Has.Length.EqualTo(ExpectedSkippedBlocks), "skipped C# blocks: " + string.Join(", ", skipped.Select(b => $"{b} ({b.SkipReason})")));
    }

    [Test]
    public void Every_code_block_names_its_language()
    {
        // An untagged block would escape both the compiler and the command runner.
        CodeBlock[] untagged = [.. DocumentationFiles.Blocks.Where(block => block.Language.Length == 0)];

        Assert.That(untagged, Is.Empty, "blocks without a language (use text for output): " + string.Join(", ", untagged.Select(b => b.ToString())));
    }
}
