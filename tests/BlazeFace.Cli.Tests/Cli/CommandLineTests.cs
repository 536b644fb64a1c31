using BlazeFace.Tests.Support;

namespace BlazeFace.Cli.Tests;

/// <summary>System.CommandLine's side of the CLI: help for every command, errors that name the option, typo suggestions, exit code 1.</summary>
public class CommandLineTests
{
    private static readonly string Astronaut = RepositoryPaths.Asset("images/astronaut.png");

    [TestCase("detect", "--model", "--min-score", "--nms", "--resize", "--json", "--out", "--rotation", "--auto-rotate", "--roi", "--tiles", "--crops", "--crop-size")]
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
    public void A_misspelt_command_gets_a_suggestion_and_exit_code_1()
    {
        CliRun run = CliRun.Of("detcet", Astronaut);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StandardError, Does.Contain("'detcet'"));
        Assert.That(run.StandardOutput, Does.Contain("Did you mean").And.Contain("detect"));
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
