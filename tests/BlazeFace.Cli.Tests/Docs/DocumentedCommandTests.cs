using BlazeFace.Docs.Tests.Markdown;
using BlazeFace.Tests.Support;
using BlazeFace.Cli.Tests.Video;

namespace BlazeFace.Cli.Tests.Docs;

/// <summary>
/// Every <c>blazeface</c> command the README, CONTRIBUTING.md, docs/ and the package readmes show runs, in process, and
/// exits with 0: each block's commands in order, in a fresh folder holding a copy of the repository's assets/, so the
/// commands name the bundled photos and models and write their outputs beside them. A block that needs what CI does
/// not have (a video file, a camera) carries a skip marker saying so, and their number is pinned below.
/// </summary>
[NonParallelizable] // each run sets the process's current folder
public sealed class DocumentedCommandTests
{
    /// <summary>Shell blocks with a blazeface command that are not run; raising this number is a decision a reviewer sees.</summary>
    private const int ExpectedSkippedBlocks = 4;

    private static IEnumerable<CodeBlock> CommandBlocks(bool skipped) =>
        DocumentationFiles.Blocks.Where(block => block.IsShell && (block.SkipReason is not null) == skipped && DocumentedCommand.In(block).Any());

    private static IEnumerable<TestCaseData> Blocks() =>
        CommandBlocks(skipped: false).Select(block => new TestCaseData(block).SetArgDisplayNames(block.ToString()));

    [TestCaseSource(nameof(Blocks))]
    public void Each_command_shown_runs_and_exits_with_0(CodeBlock block)
    {
        using var folder = new TemporaryFolder();
        CopyDirectory(RepositoryPaths.Asset("images"), folder.File("assets/images"));
        CopyDirectory(RepositoryPaths.Asset("models"), folder.File("assets/models"));

        foreach (DocumentedCommand command in DocumentedCommand.In(block))
        {
            CliRun run = CliRun.In(folder.Path, command.Arguments);

            Assert.That(run.ExitCode, Is.Zero, $"{command}: `{command.Text}` exited with {run.ExitCode}:\n{run.StandardError}");
        }
    }

    [Test]
    public void The_pages_show_commands_at_all()
    {
        Assert.That(CommandBlocks(skipped: false).SelectMany(DocumentedCommand.In).Count(), Is.GreaterThanOrEqualTo(15), "the extraction finds the pages' commands");
    }

    [Test]
    public void Only_the_expected_number_of_command_blocks_is_skipped()
    {
        CodeBlock[] skipped = [.. CommandBlocks(skipped: true)];

        Assert.That(skipped, Has.Length.EqualTo(ExpectedSkippedBlocks), "skipped blocks: " + string.Join(", ", skipped.Select(b => $"{b} ({b.SkipReason})")));
    }

    [TestCase("blazeface detect assets/images/astronaut.png --json", new[] { "detect", "assets/images/astronaut.png", "--json" })]
    [TestCase("$ blazeface detect 'my photos/' --out \"out dir\"   # a comment", new[] { "detect", "my photos/", "--out", "out dir" })]
    [TestCase("DOTNET_EnableAVX512=0 blazeface bench a.png", new[] { "bench", "a.png" })]
    [TestCase("dotnet run --project samples/BlazeFace.Cli -c Release -- export out.onnx", new[] { "export", "out.onnx" })]
    public void A_shown_command_is_split_as_a_shell_splits_it(string line, string[] expected)
    {
        var block = new CodeBlock("page.md", 1, "sh", [line], null);

        Assert.That(DocumentedCommand.In(block).Single().Arguments, Is.EqualTo(expected));
    }

    [Test]
    public void Continued_lines_make_one_command_and_other_programs_are_not_run()
    {
        var block = new CodeBlock("page.md", 1, "sh", ["dotnet test BlazeFace.sln -c Release", "blazeface detect a.png \\", "  --json"], null);

        DocumentedCommand command = DocumentedCommand.In(block).Single();

        Assert.That((command.Line, command.Arguments), Is.EqualTo((3, new[] { "detect", "a.png", "--json" })));
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (string file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }
    }
}
