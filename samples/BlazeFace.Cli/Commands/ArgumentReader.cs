using System.Globalization;

namespace BlazeFace.Cli.Commands;

/// <summary>Splits "--name value" options from positional arguments, rejecting options a command does not know.</summary>
internal sealed class ArgumentReader
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public ArgumentReader(IEnumerable<string> args, IReadOnlySet<string> valueOptions, IReadOnlySet<string> flagOptions)
    {
        using IEnumerator<string> e = args.GetEnumerator();
        while (e.MoveNext())
        {
            string arg = e.Current;
            if (flagOptions.Contains(arg))
            {
                _flags.Add(arg);
            }
            else if (valueOptions.Contains(arg))
            {
                _options[arg] = e.MoveNext() ? e.Current : throw new CommandLineException($"{arg} needs a value.");
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CommandLineException($"Unknown option {arg}.");
            }
            else
            {
                Positional.Add(arg);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string flag) => _flags.Contains(flag);

    public string? Value(string option) => _options.GetValueOrDefault(option);

    public float? Float(string option) => Value(option) is { } text
        ? float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) ? value : throw new CommandLineException($"{option} takes a number, not '{text}'.")
        : null;

    public int? Int(string option) => Value(option) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : throw new CommandLineException($"{option} takes a positive whole number, not '{text}'.")
        : null;

    public T Choice<T>(string option, T fallback, params (string Name, T Value)[] choices)
    {
        string? text = Value(option);
        if (text is null)
        {
            return fallback;
        }

        foreach (var (name, value) in choices)
        {
            if (name == text)
            {
                return value;
            }
        }

        throw new CommandLineException($"{option} takes {string.Join(" or ", choices.Select(c => c.Name))}, not '{text}'.");
    }
}
