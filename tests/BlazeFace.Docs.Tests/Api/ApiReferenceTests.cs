using System.Reflection;
using System.Text.RegularExpressions;
using BlazeFace.Docs.Tests.Markdown;
using BlazeFace.OnnxRuntime;
using BlazeFace.OpenCvSharp;
using BlazeFace.SkiaSharp;

namespace BlazeFace.Docs.Tests.Api;

/// <summary>
/// docs/api.md lists exactly the public types of the four packages, each under its own namespace and linked to the
/// file that declares it: a new, renamed or removed public type fails here until the page says so.
/// </summary>
public class ApiReferenceTests
{
    /// <summary>One type from each package's assembly.</summary>
    private static readonly Assembly[] Packages =
    [
        typeof(FaceDetector).Assembly,
        typeof(SkiaFaceDetectorExtensions).Assembly,
        typeof(OpenCvFaceDetectorExtensions).Assembly,
        typeof(OnnxRuntimeEngine).Assembly,
    ];

    /// <summary>Every public type of the packages, nested ones as Outer.Inner.</summary>
    private static IEnumerable<string> PublicTypes() =>
        Packages.SelectMany(assembly => assembly.GetExportedTypes()).Select(type => type.FullName!.Replace('+', '.'));

    [Test]
    public void The_page_lists_every_public_type_of_every_package()
    {
        string[] missing = [.. PublicTypes().Except(ApiReference.Types.Select(t => t.FullName)).Order(StringComparer.Ordinal)];

        Assert.That(missing, Is.Empty, $"public types {ApiReference.Page} does not list (add a row for each, under its namespace)");
    }

    [Test]
    public void The_page_lists_no_type_the_packages_do_not_make_public()
    {
        string[] extra = [.. ApiReference.Types.Select(t => t.FullName).Except(PublicTypes()).Order(StringComparer.Ordinal)];

        Assert.That(extra, Is.Empty, $"types {ApiReference.Page} lists that are not public in any package (renamed, removed or internal)");
    }

    [Test]
    public void The_page_lists_each_type_once()
    {
        string[] repeated = [.. ApiReference.Types.GroupBy(t => t.FullName).Where(g => g.Count() > 1).Select(g => g.Key)];

        Assert.That(repeated, Is.Empty);
    }

    [Test]
    public void Each_row_links_to_the_file_that_declares_the_type()
    {
        string docs = Path.GetDirectoryName(DocumentationFiles.FullPath(ApiReference.Page))!;
        var wrong = new List<string>();
        foreach (ListedType type in ApiReference.Types)
        {
            string file = Path.GetFullPath(Path.Combine(docs, type.Link));
            string declared = type.Name.Split('.')[^1];
            bool declares = File.Exists(file) && File.ReadLines(file).Any(line => DeclaresType(line, declared));
            if (!declares)
            {
                wrong.Add($"{ApiReference.Page}:{type.Line}: {type.Name} -> {type.Link}");
            }
        }

        Assert.That(wrong, Is.Empty, "rows whose link does not lead to the type's declaration");
    }

    private static bool DeclaresType(string line, string name) =>
        line.TrimStart().StartsWith("public", StringComparison.Ordinal)
        && Regex.IsMatch(line, $@"\b(class|struct|interface|enum|record)\s+{Regex.Escape(name)}\b");
}
