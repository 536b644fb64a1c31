using System.Text;
using BlazeFace.Docs.Tests.Markdown;

namespace BlazeFace.Cli.Tests.Docs;

/// <summary>
/// One <c>blazeface</c> command shown in a shell block of the documentation, with its arguments split as a POSIX shell
/// splits them. A line counts as a CLI command when it starts with <c>blazeface </c> or with the repository's way of
/// running the same program, <c>dotnet run --project samples/BlazeFace.Cli -c Release -- </c>; a <c>$ </c> prompt,
/// leading <c>NAME=value</c> environment assignments, a trailing <c># comment</c> and <c>\</c> line continuations are
/// understood.
/// </summary>
/// <param name="Block">The block the command is shown in.</param>
/// <param name="Line">The 1-based line of the page the command starts on.</param>
/// <param name="Text">The command as shown.</param>
/// <param name="Arguments">The arguments after the program's name.</param>
internal sealed record DocumentedCommand(CodeBlock Block, int Line, string Text, string[] Arguments)
{
    private static readonly string[] Programs = ["blazeface ", "dotnet run --project samples/BlazeFace.Cli -c Release -- "];

    /// <summary>The CLI commands of a shell block, in order.</summary>
    public static IEnumerable<DocumentedCommand> In(CodeBlock block)
    {
        for (int i = 0; i < block.Code.Count; i++)
        {
            int start = i;
            string line = block.Code[i].Trim();
            while (line.EndsWith('\\') && i + 1 < block.Code.Count)
            {
                line = line[..^1] + " " + block.Code[++i].Trim();
            }

            string command = WithoutEnvironment(line.StartsWith("$ ", StringComparison.Ordinal) ? line[2..] : line);
            string? program = Programs.FirstOrDefault(p => command.StartsWith(p, StringComparison.Ordinal));
            if (program is not null)
            {
                yield return new DocumentedCommand(block, block.FileLine(start), line, Split(command[program.Length..]));
            }
        }
    }

    /// <summary>Where the command is, as a reader finds it: "docs/command-line.md:42".</summary>
    public override string ToString() => $"{Block.File}:{Line}";

    /// <summary>
    /// The command without leading <c>NAME=value</c> assignments. They set the environment of a new process (such as
    /// the runtime's instruction-set switches), which an in-process run cannot change; the command still runs.
    /// </summary>
    private static string WithoutEnvironment(string line)
    {
        string rest = line;
        while (rest.Split(' ', 2) is [var first, var after] && first.Contains('=') && !first.StartsWith('-'))
        {
            rest = after.TrimStart();
        }

        return rest;
    }

    /// <summary>Splits a command line into words: whitespace separates, quotes group, a word starting with # ends the line.</summary>
    private static string[] Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in text)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                (quote, inWord) = (c, true);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    (word, inWord) = (new StringBuilder(), false);
                }
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote != '\0')
        {
            throw new FormatException($"unclosed quote in '{text}'");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return [.. words];
    }
}
