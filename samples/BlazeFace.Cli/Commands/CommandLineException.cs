namespace BlazeFace.Cli.Commands;

/// <summary>The command line itself is wrong (unknown option, missing value): exit code 1 with usage.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
