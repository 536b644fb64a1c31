using BlazeFace.Docs.Tests.Markdown;

namespace BlazeFace.Docs.Tests.Snippets;

/// <summary>The snippet compiler itself: it passes what the convention allows and names the page and line of what it does not.</summary>
public class SnippetCompilerTests
{
    [Test]
    public void A_block_calling_a_member_that_does_not_exist_fails_naming_its_page_line_and_the_compiler_message()
    {
        CodeBlock block = Block("docs/example.md", 10, "using var detector = new FaceDetector();", "var faces = detector.DetectFaces(image);");

        IReadOnlyList<string> problems = SnippetCompiler.Problems(block);

        Assert.That(problems, Has.Count.EqualTo(1));
        Assert.That(problems[0], Does.StartWith("docs/example.md:12: error CS1061: ").And.Contain("DetectFaces"));
    }

    [Test]
    public void A_block_of_statements_may_use_the_context_names_and_declare_types_after_them()
    {
        CodeBlock block = Block("docs/example.md", 1,
            "IReadOnlyList<FaceDetection> faces = detector.Detect(image);",
            "Console.WriteLine(new Counter().Count(faces) + face.Score + pixels.Length + width + height);",
            "sealed class Counter { public int Count(IReadOnlyList<FaceDetection> faces) => faces.Count; }");

        Assert.That(SnippetCompiler.Problems(block), Is.Empty);
    }

    [Test]
    public void A_block_of_types_alone_compiles_as_a_library_file()
    {
        CodeBlock block = Block("docs/example.md", 1,
            "using BlazeFace.PostProcessing;",
            "sealed class NoFaces : INonMaxSuppression",
            "{",
            "    public int Suppress(Span<FaceCandidate> candidates, Span<FaceCandidate> destination) => 0;",
            "}");

        Assert.That(SnippetCompiler.Problems(block), Is.Empty);
    }

    [Test]
    public void A_warning_outside_the_allowed_ones_fails_the_block()
    {
        CodeBlock block = Block("docs/example.md", 1, "string? name = null;", "Console.WriteLine(name.Length);");

        Assert.That(SnippetCompiler.Problems(block), Has.Some.Contains("warning CS8602"));
    }

    [Test]
    public void A_namespace_outside_the_implicit_usings_must_be_imported_by_the_block()
    {
        CodeBlock without = Block("docs/example.md", 1, "var view = new ImageView(pixels, width, height, ImagePixelFormat.Rgb24);");
        CodeBlock with = Block("docs/example.md", 1, "using BlazeFace.Imaging;", "var view = new ImageView(pixels, width, height, ImagePixelFormat.Rgb24);");

        Assert.That(SnippetCompiler.Problems(without), Has.Some.Contains("error CS0246"));
        Assert.That(SnippetCompiler.Problems(with), Is.Empty);
    }

    private static CodeBlock Block(string file, int fenceLine, params string[] code) => new(file, fenceLine, "csharp", code, null);
}
