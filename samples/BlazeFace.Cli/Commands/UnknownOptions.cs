using System.CommandLine;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// Catches misspelt options that would otherwise be taken as file names (a command whose argument takes any text
/// swallows "--jsn"): a token starting with '-' that names no existing file is an error, with the closest option
/// suggested.
/// </summary>
internal static class UnknownOptions
{
    public static void RejectIn<T>(Argument<T> argument, Command command)
    {
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                string value = token.Value;
                if (value.StartsWith('-') && value.Length > 1 && !File.Exists(value) && !Directory.Exists(value))
                {
                    // A negative number is a value in the wrong place, not a misspelt option: no suggestion.
                    string? closest = double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _)
                        ? null
                        : Closest(value, command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)));
                    result.AddError(closest is null ? $"Unrecognized option '{value}'." : $"Unrecognized option '{value}'. Did you mean {closest}?");
                }
            }
        });
    }

    /// <summary>The name within three edits of <paramref name="typed"/>, nearest first, or null.</summary>
    public static string? Closest(string typed, IEnumerable<string> names) => names
        .Select(name => (Name: name, Distance: EditDistance(typed, name)))
        .Where(candidate => candidate.Distance <= 3)
        .OrderBy(candidate => candidate.Distance)
        .Select(candidate => candidate.Name)
        .FirstOrDefault();

    private static int EditDistance(string a, string b)
    {
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
