namespace BlazeFace.Cli.Tests.Video;

/// <summary>The video command's options as System.CommandLine parses them: help, and bad values refused with exit code 1.</summary>
public class VideoCommandLineTests
{
    private static readonly string Input = Path.GetTempPath();

    [Test]
    public void Help_lists_the_options()
    {
        CliRun run = CliRun.Of("video", "--help");

        Assert.That(run.ExitCode, Is.Zero);
        foreach (string option in new[] { "--model", "--min-score", "--json", "--out", "--every", "--fps" })
        {
            Assert.That(run.StandardOutput, Does.Contain(option));
        }
    }

    [Test]
    public void The_root_help_lists_the_video_command()
    {
        Assert.That(CliRun.Of("--help").StandardOutput, Does.Contain("video"));
    }

    [TestCase("--every", "0")]
    [TestCase("--every", "-2")]
    [TestCase("--every", "1.5")]
    [TestCase("--fps", "0")]
    [TestCase("--fps", "-30")]
    [TestCase("--fps", "fast")]
    [TestCase("--fps", "NaN")]
    [TestCase("--min-score", "2")]
    [TestCase("--out", "annotated.mov")]
    [TestCase("--out", "annotated")]
    public void A_bad_option_value_exits_with_1_and_one_error_line_naming_the_option(string option, string value)
    {
        CliRun run = CliRun.Of("video", Input, option, value);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.ErrorLines.Single(), Does.Contain(option).And.Contain($"'{value}'"));
    }

    [Test]
    public void A_misspelt_option_exits_with_1_naming_it()
    {
        CliRun run = CliRun.Of("video", Input, "--evry", "3");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StandardError, Does.Contain("'--evry'"));
    }

    [Test]
    public void A_misspelt_option_in_place_of_the_input_gets_a_suggestion_and_exit_code_1()
    {
        CliRun run = CliRun.Of("video", "--jsn");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StandardError, Does.Contain("Did you mean --json?"));
    }

    [Test]
    public void Video_without_an_input_exits_with_1()
    {
        CliRun run = CliRun.Of("video", "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.StandardError, Is.Not.Empty);
    }

    [Test]
    public void An_output_that_is_the_input_is_refused_with_1_before_anything_is_written()
    {
        string input = Path.Combine(Path.GetTempPath(), $"blazeface-same-{Guid.NewGuid():N}.avi");
        File.WriteAllText(input, "the user's precious video");
        try
        {
            CliRun run = CliRun.Of("video", input, "--out", input);

            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(run.ErrorLines.Single(), Is.EqualTo($"error: {input}: --out would replace the input {input} (it is the same file); name another"));
            Assert.That(File.ReadAllText(input), Is.EqualTo("the user's precious video"));
        }
        finally
        {
            File.Delete(input);
        }
    }
}
