using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using BlazeFace.Cli.Batch;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// Parsers and validators for option values whose errors name the option and say what it takes (exit code 1): every
/// empty, negative, huge, NaN or wrong-type value is refused while parsing, before any file is read or written.
/// </summary>
internal static class OptionParsers
{
    /// <summary>A number from 0 to 1.</summary>
    public static Option<float?> Fraction(Option<float?> option)
    {
        option.CustomParser = result =>
        {
            string token = SingleToken(result);
            if (float.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && value is >= 0f and <= 1f)
            {
                return value;
            }

            result.AddError($"{option.Name} takes a number from 0 to 1, not '{token}'.");
            return null;
        };
        return option;
    }

    /// <summary>A whole number of at least 1.</summary>
    public static Option<int> Positive(Option<int> option) => WholeNumber(option, 1, int.MaxValue);

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static Option<int> WholeNumber(Option<int> option, int minimum, int maximum)
    {
        string range = maximum == int.MaxValue
            ? $"a whole number of at least {minimum}"
            : string.Create(CultureInfo.InvariantCulture, $"a whole number from {minimum} to {maximum:N0}");
        option.CustomParser = result =>
        {
            string token = SingleToken(result);
            if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum)
            {
                return value;
            }

            result.AddError($"{option.Name} takes {range}, not '{token}'.");
            return 0;
        };
        return option;
    }

    /// <summary>A finite number from <paramref name="minimum"/> to <paramref name="maximum"/>.</summary>
    public static Option<double> Number(Option<double> option, double minimum, double maximum)
    {
        option.CustomParser = result =>
        {
            string token = SingleToken(result);
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= minimum && value <= maximum)
            {
                return value;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} takes a number from {minimum} to {maximum:#,0}, not '{token}'."));
            return 0;
        };
        return option;
    }

    /// <summary>One of <paramref name="values"/>, the first being the default.</summary>
    public static Option<string> OneOf(Option<string> option, params string[] values)
    {
        option.DefaultValueFactory = _ => values[0];
        option.CompletionSources.Add(values);
        option.CustomParser = result =>
        {
            string token = SingleToken(result);
            if (values.Contains(token, StringComparer.Ordinal))
            {
                return token;
            }

            result.AddError($"{option.Name} takes {string.Join(" or ", values)}, not '{token}'.");
            return values[0];
        };
        return option;
    }

    /// <summary>Extensions, comma-separated, each one of <paramref name="known"/> (with or without its dot, any case); null when not given.</summary>
    public static Option<IReadOnlySet<string>?> ImageExtensions(Option<IReadOnlySet<string>?> option, IReadOnlySet<string> known)
    {
        option.CustomParser = result =>
        {
            string token = SingleToken(result);
            var extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (string part in token.Split(',', StringSplitOptions.TrimEntries))
            {
                string extension = part.StartsWith('.') ? part : "." + part;
                if (!known.Contains(extension))
                {
                    result.AddError($"{option.Name} takes extensions among {string.Join(' ', known.Order(StringComparer.Ordinal))}, comma-separated, not '{token}'.");
                    return known;
                }

                extensions.Add(extension);
            }

            return extensions;
        };
        return option;
    }

    /// <summary>A shard "K/N": K from 0 to N - 1, N from 1 to <see cref="Shard.MaxCount"/>.</summary>
    public static Option<Shard?> ShardOf(Option<Shard?> option)
    {
        option.CustomParser = result =>
        {
            string token = SingleToken(result);
            if (Shard.Parse(token) is { } shard)
            {
                return shard;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture,
                $"{option.Name} takes K/N, shard K (counting from 0) of N shards, N at most {Shard.MaxCount:N0}, such as 0/4; not '{token}'."));
            return null;
        };
        return option;
    }

    /// <summary>A path: any text but the empty one, which names no file.</summary>
    public static Option<T> NonEmptyPath<T>(Option<T> option, string takes)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => token.Value.Length == 0))
            {
                result.AddError($"{option.Name} takes {takes}, not ''.");
            }
        });
        return option;
    }

    /// <summary>Paths as arguments: none of them empty.</summary>
    public static Argument<T> NonEmptyPaths<T>(Argument<T> argument, string what)
    {
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => token.Value.Length == 0))
            {
                result.AddError($"{what} cannot be '' (an empty path names no file).");
            }
        });
        return argument;
    }

    private static string SingleToken(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
}
