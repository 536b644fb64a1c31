using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// A command line that does not parse, as the one line the CLI promises on stderr (exit code 1): what is wrong and
/// where to read how it goes, instead of System.CommandLine's own report (each error on a line of its own, then the
/// whole help text on stdout, where it would land in a <c>--json</c> pipe).
/// </summary>
internal static partial class UsageError
{
    /// <summary>"error: WHAT. Try 'blazeface COMMAND --help'." for a parse result with errors.</summary>
    public static string Line(ParseResult result)
    {
        Command command = result.CommandResult.Command;
        IEnumerable<string> messages = result.Errors.Select(error => Whitespace().Replace(error.Message, " ").Trim());

        // At the root an unknown word is a mistyped command: say so, with the nearest one, rather than System.CommandLine's
        // "Required command was not provided" plus one line per word.
        if (result.CommandResult.Parent is null && result.UnmatchedTokens.Count > 0)
        {
            string typed = result.UnmatchedTokens[0];
            string? closest = UnknownOptions.Closest(typed, command.Subcommands.Select(subcommand => subcommand.Name));
            messages = [closest is null ? $"'{typed}' is not a command." : $"'{typed}' is not a command; did you mean {closest}?"];
        }

        string help = CommandPath(result.CommandResult) + " --help";
        return $"error: {string.Join(" ", messages.Distinct().Select(EndSentence))} Try '{help}'.";
    }

    private static string CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent ? CommandPath(parent) + " " + result.Command.Name : result.Command.Name;

    private static string EndSentence(string message) => message.EndsWith('.') || message.EndsWith('?') ? message : message + ".";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
