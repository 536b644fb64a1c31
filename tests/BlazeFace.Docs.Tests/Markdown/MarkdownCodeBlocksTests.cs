namespace BlazeFace.Docs.Tests.Markdown;

/// <summary>How code blocks are found in a page: where they start, their language, their code and their skip marker.</summary>
public class MarkdownCodeBlocksTests
{
    [Test]
    public void A_fenced_block_has_its_language_its_fence_line_and_its_code()
    {
        string[] page = ["# Title", "", "```csharp", "var a = 1;", "var b = 2;", "```", "text"];

        CodeBlock block = MarkdownCodeBlocks.Read("page.md", page).Single();

        Assert.That((block.Language, block.FenceLine, block.FileLine(1)), Is.EqualTo(("csharp", 3, 5)));
        Assert.That(block.Code, Is.EqualTo(new[] { "var a = 1;", "var b = 2;" }));
        Assert.That(block.SkipReason, Is.Null);
    }

    [Test]
    public void A_block_indented_in_a_list_item_loses_the_indentation_of_its_fence()
    {
        string[] page = ["- item:", "", "  ```sh", "  blazeface detect a.png", "    --json", "  ```"];

        CodeBlock block = MarkdownCodeBlocks.Read("page.md", page).Single();

        Assert.That(block.Code, Is.EqualTo(new[] { "blazeface detect a.png", "  --json" }));
        Assert.That(block.IsShell, Is.True);
    }

    [Test]
    public void A_skip_marker_just_above_the_fence_gives_its_reason()
    {
        string[] page = ["<!-- docs-test: skip needs a camera -->", "```sh", "blazeface video 0", "```"];

        Assert.That(MarkdownCodeBlocks.Read("page.md", page).Single().SkipReason, Is.EqualTo("needs a camera"));
    }

    [Test]
    public void A_skip_marker_without_a_reason_is_refused()
    {
        string[] page = ["<!-- docs-test: skip -->", "```sh", "blazeface video 0", "```"];

        Assert.Throws<FormatException>(() => MarkdownCodeBlocks.Read("page.md", page).ToList());
    }

    [Test]
    public void A_block_that_is_never_closed_is_refused_naming_its_line()
    {
        string[] page = ["text", "```csharp", "var a = 1;"];

        Assert.That(() => MarkdownCodeBlocks.Read("page.md", page).ToList(), Throws.TypeOf<FormatException>().With.Message.Contains("page.md:2"));
    }

    [Test]
    public void A_longer_fence_holds_a_shorter_one()
    {
        string[] page = ["````markdown", "```csharp", "x", "```", "````"];

        CodeBlock block = MarkdownCodeBlocks.Read("page.md", page).Single();

        Assert.That((block.Language, block.Code.Count), Is.EqualTo(("markdown", 3)));
    }
}
