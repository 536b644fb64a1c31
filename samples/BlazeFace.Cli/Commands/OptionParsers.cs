using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace BlazeFace.Cli.Commands;

/// <summary>Parsers for numeric options whose errors name the option and say what it takes (exit code 1).</summary>
internal static class OptionParsers
{
    /// <summary>A number from 0 to 1.</summary>
    public static Option<float?> Fraction(Option<float?> option)
    {
        option.CustomParser = result =>
        {
            string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
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
    public static Option<int> Positive(Option<int> option)
    {
        option.CustomParser = result =>
        {
            string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value >= 1)
            {
                return value;
            }

            result.AddError($"{option.Name} takes a whole number of at least 1, not '{token}'.");
            return 0;
        };
        return option;
    }

    /// <summary>A finite number above 0.</summary>
    public static Option<double> PositiveNumber(Option<double> option)
    {
        option.CustomParser = result =>
        {
            string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value))
            {
                return value;
            }

            result.AddError($"{option.Name} takes a number above 0, not '{token}'.");
            return 0;
        };
        return option;
    }
}
