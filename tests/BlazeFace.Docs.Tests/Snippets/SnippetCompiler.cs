using System.Collections.Immutable;
using BlazeFace.Docs.Tests.Markdown;
using BlazeFace.OnnxRuntime;
using BlazeFace.OpenCvSharp;
using BlazeFace.SkiaSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlazeFace.Docs.Tests.Snippets;

/// <summary>
/// Compiles one C# block of the documentation with Roslyn against the real packages, as the convention in
/// CONTRIBUTING.md describes: a block with statements is a program's top-level statements (types may follow them), a
/// block of types alone is a file of a library; each is compiled on its own with the SDK's implicit usings plus
/// <c>BlazeFace</c>, and may use the names <see cref="SnippetContext"/> declares.
/// </summary>
public static class SnippetCompiler
{
    /// <summary>
    /// Warnings a fragment may raise: a variable or local function it shows but does not go on to use, and a using
    /// directive it repeats from the implicit ones (a quick start shows <c>using BlazeFace;</c> for readers who copy
    /// it). Every other warning fails the block, as warnings fail the build.
    /// </summary>
    public static readonly ImmutableHashSet<string> AllowedWarnings = ["CS0168", "CS0219", "CS8321", "CS0105", "CS8933"];

    /// <summary>The namespaces every block may use without a using directive: the SDK's implicit usings and the library's root.</summary>
    public static readonly ImmutableArray<string> ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks", "BlazeFace"];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    private static readonly Lazy<SyntaxTree> Prelude = new(() => CSharpSyntaxTree.ParseText(
        string.Concat(ImplicitUsings.Select(ns => $"global using {ns};\n")) + "global using static SnippetContext;\n" + SnippetContext.Source,
        ParseOptions,
        path: "SnippetContext.cs"));

    /// <summary>Compiles a block and returns its errors (and disallowed warnings), each as "FILE:LINE: error CSxxxx: message".</summary>
    /// <param name="block">A C# block.</param>
    public static IReadOnlyList<string> Problems(CodeBlock block)
    {
        // The #line directive makes every diagnostic name the page and its own line in the page.
        string source = $"#line {block.FenceLine + 1} \"{block.File}\"\n" + string.Join('\n', block.Code) + "\n";
        SyntaxTree snippet = CSharpSyntaxTree.ParseText(source, ParseOptions, path: block.File);
        bool hasStatements = snippet.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any();
        var options = new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithAllowUnsafe(false);
        CSharpCompilation compilation = CSharpCompilation.Create("Snippet", [Prelude.Value, snippet], References.Value, options);

        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && !AllowedWarnings.Contains(d.Id)))
            .Select(Describe)];
    }

    private static string Describe(Diagnostic diagnostic)
    {
        FileLinePositionSpan span = diagnostic.Location.GetMappedLineSpan();
        string where = span.IsValid ? $"{span.Path}:{span.StartLinePosition.Line + 1}" : "(no location)";
        string severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{where}: {severity} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// The framework (the runtime these tests run on) and the packages a page may show, by the assemblies their
    /// public types live in: BlazeFace and its three add-ons, and the libraries they bridge to.
    /// </summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        IEnumerable<string> framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => string.Equals(Path.GetDirectoryName(path), runtime, StringComparison.Ordinal));
        IEnumerable<string> packages = new[]
        {
            typeof(FaceDetector),                           // BlazeFace
            typeof(SkiaFaceDetectorExtensions),             // BlazeFace.SkiaSharp
            typeof(global::SkiaSharp.SKBitmap),             // SkiaSharp
            typeof(OpenCvFaceDetectorExtensions),           // BlazeFace.OpenCvSharp
            typeof(global::OpenCvSharp.Mat),                // OpenCvSharp
            typeof(OnnxRuntimeEngine),                      // BlazeFace.OnnxRuntime
            typeof(Microsoft.ML.OnnxRuntime.SessionOptions), // Microsoft.ML.OnnxRuntime
            typeof(System.Numerics.Tensors.TensorPrimitives), // System.Numerics.Tensors, the core's one dependency
        }.Select(type => type.Assembly.Location);
        return [.. framework.Concat(packages).Distinct(StringComparer.Ordinal).Select(path => MetadataReference.CreateFromFile(path))];
    }
}
