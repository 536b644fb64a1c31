using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests;

/// <summary>System.CommandLine's side of the CLI: help for every command, errors that name the option, typo suggestions, exit code 1.</summary>
public class CommandLineTests
{
    private static readonly string Astronaut = RepositoryPaths.Asset("images/astronaut.png");

    [TestCase("detect", "--model", "--min-score", "--nms", "--resize", "--json", "--out", "--rotation", "--auto-rotate", "--roi", "--tiles", "--crops", "--crop-size", "--jobs", "--full-resolution", "--recursive", "--ext", "--shard", "--resume")]
    [TestCase("bench", "--model", "--iterations", "--threads")]
    public void Every_command_has_help_listing_its_options(string command, params string[] options)
    {
        CliRun run = CliRun.Of(command, "--help");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.StandardOutput, Does.Contain("Usage:"));
        foreach (string option in options)
        {
            Assert.That(run.StandardOutput, Does.Contain(option));
        }
    }

    [Test]
    public void The_root_help_lists_the_commands()
    {
        CliRun run = CliRun.Of("--help");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.StandardOutput, Does.Contain("detect").And.Contain("bench"));
    }

    [TestCase("--nms", "soft", "--nms")]
    [TestCase("--resize", "crop", "--resize")]
    [TestCase("--min-score", "high", "--min-score")]
    [TestCase("--min-score", "1.5", "--min-score")]
    [TestCase("--model", null, "--model")]
    public void A_bad_option_value_exits_with_1_and_names_the_option(string option, string? value, string named)
    {
        CliRun run = value is null ? CliRun.Of("detect", Astronaut, option) : CliRun.Of("detect", Astronaut, option, value);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StandardError, Does.Contain(named).Or.Contain(value ?? named));
    }

    [Test]
    public void A_misspelt_option_gets_a_suggestion_and_exit_code_1()
    {
        CliRun run = CliRun.Of("detect", Astronaut, "--jsn");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StandardError, Does.Contain("'--jsn'").And.Contain("Did you mean --json?"));
    }

    [Test]
    public void A_misspelt_command_gets_a_suggestion_in_one_line_on_stderr_and_exit_code_1()
    {
        CliRun run = CliRun.Of("detcet", Astronaut);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Is.EqualTo("error: 'detcet' is not a command; did you mean detect? Try 'blazeface --help'."));
        Assert.That(run.StandardOutput, Is.Empty);
    }

    [TestCase(new[] { "detect", "--nms", "soft", "x.png" }, "error: --nms takes weighted or hard, not 'soft'. Try 'blazeface detect --help'.")]
    [TestCase(new[] { "detect" }, "error: Required argument missing for command: 'detect'. Try 'blazeface detect --help'.")]
    [TestCase(new string[0], "error: Required command was not provided. Try 'blazeface --help'.")]
    [TestCase(new[] { "video", "in.avi", "--every", "0", "--fps", "-3" }, "error: --every takes a whole number of at least 1, not '0'. --fps takes a number from 0.001 to 1,000,000, not '-3'. Try 'blazeface video --help'.")]
    public void A_usage_error_is_one_line_on_stderr_naming_blazeface_and_its_help_with_nothing_on_stdout(string[] args, string line)
    {
        CliRun run = CliRun.Of(args);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines, Is.EqualTo(new[] { line }));
        Assert.That(run.StandardOutput, Is.Empty);
    }

    [TestCase("--help")]
    [TestCase("detect", "--help")]
    [TestCase("video", "--help")]
    public void Help_names_the_command_blazeface(params string[] args)
    {
        CliRun run = CliRun.Of(args);

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.StandardOutput, Does.Contain("Usage:\n  blazeface".Replace("\n", Environment.NewLine)).And.Not.Contain("BlazeFace.Cli").And.Not.Contain("testhost"));
    }

    [Test]
    public void Detect_without_an_image_exits_with_1()
    {
        CliRun run = CliRun.Of("detect", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StandardError, Is.Not.Empty);
    }

    [TestCase("0")]
    [TestCase("-3")]
    [TestCase("many")]
    public void Bench_iterations_must_be_a_positive_whole_number(string iterations)
    {
        CliRun run = CliRun.Of("bench", Astronaut, "--iterations", iterations);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StandardError, Does.Contain("--iterations").Or.Contain(iterations));
    }
}
