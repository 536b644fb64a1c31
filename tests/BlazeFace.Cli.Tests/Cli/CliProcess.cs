using System.Diagnostics;

namespace BlazeFace.Cli.Tests;

/// <summary>The CLI run as a separate process (dotnet BlazeFace.Cli.dll), for what an in-process run cannot show: signals, native libraries' own output.</summary>
internal static class CliProcess
{
    /// <summary>Starts the CLI in <paramref name="cliFolder"/> with stdout and stderr redirected.</summary>
    public static Process Start(string cliFolder, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(cliFolder, "BlazeFace.Cli.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The user's own FFmpeg or OpenCV log settings would change what the CLI prints.
        foreach (string variable in new[] { "OPENCV_FFMPEG_LOGLEVEL", "OPENCV_FFMPEG_DEBUG", "OPENCV_LOG_LEVEL" })
        {
            start.Environment.Remove(variable);
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs the CLI to its end (a minute at most) and gives its exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Output, string Error) Run(string cliFolder, params string[] args)
    {
        using Process process = Start(cliFolder, args);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(1)), Is.True, "the CLI did not finish within a minute");
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Sends a signal (INT for Ctrl+C, TERM) to a running process.</summary>
    public static void Signal(Process process, string signal)
    {
        using Process kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
