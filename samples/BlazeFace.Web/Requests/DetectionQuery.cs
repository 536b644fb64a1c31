using System.Globalization;
using BlazeFace.Cli.Commands;

namespace BlazeFace.Web.Requests;

/// <summary>
/// What a caller asks of a detection, from the query string that <c>POST /api/detect</c> and the <c>/api/track</c>
/// WebSocket share: <c>model</c> (short, full, full-sparse, back; default short), <c>minScore</c> (0 to 1; default
/// the model's own) and <c>mesh</c> (true or false; default false).
/// </summary>
/// <param name="ModelName">The model's name as given, echoed in the JSON as the CLI echoes <c>--model</c>.</param>
/// <param name="MinScore">The score threshold, or null for the model's default.</param>
/// <param name="Mesh">Whether the 468-point face mesh is asked for as well.</param>
internal sealed record DetectionQuery(string ModelName, float? MinScore, bool Mesh)
{
    public const string DefaultModel = "short";

    /// <summary>
    /// The detector the query asks for: its model and threshold, every other option the library's default, as
    /// <c>blazeface detect --model M --min-score S</c> configures it. The one place the web sample builds detector
    /// options, for plain detectors and face landmarkers alike.
    /// </summary>
    public FaceDetectorOptions DetectorOptions() => new()
    {
        Model = BundledModelNames.Models[ModelName](),
        MinScore = MinScore,
    };

    /// <summary>Reads and checks the query; every mistake is a 400 naming the parameter and what it takes.</summary>
    public static DetectionQuery? Parse(IQueryCollection query, out RequestProblem? problem)
    {
        problem = null;
        foreach (string key in query.Keys)
        {
            if (key is not ("model" or "minScore" or "mesh"))
            {
                problem = RequestProblem.BadRequest($"Unknown query parameter {CallerText.Quote(key)}; the parameters are model, minScore and mesh.");
                return null;
            }
        }

        string model = DefaultModel;
        if (Single(query, "model", ref problem) is { } modelText)
        {
            if (!BundledModelNames.Models.ContainsKey(modelText))
            {
                problem = RequestProblem.BadRequest($"model must be one of {string.Join(", ", BundledModelNames.Models.Keys)}; got {CallerText.Quote(modelText)}.");
                return null;
            }

            model = modelText;
        }

        float? minScore = null;
        if (Single(query, "minScore", ref problem) is { } scoreText)
        {
            if (!float.TryParse(scoreText, NumberStyles.Float, CultureInfo.InvariantCulture, out float score) || !(score is >= 0f and <= 1f))
            {
                problem = RequestProblem.BadRequest($"minScore must be a number from 0 to 1; got {CallerText.Quote(scoreText)}.");
                return null;
            }

            minScore = score;
        }

        bool mesh = false;
        if (Single(query, "mesh", ref problem) is { } meshText)
        {
            if (!bool.TryParse(meshText, out mesh))
            {
                problem = RequestProblem.BadRequest($"mesh must be true or false; got {CallerText.Quote(meshText)}.");
                return null;
            }
        }

        return problem is null ? new DetectionQuery(model, minScore, mesh) : null;
    }

    /// <summary>The parameter's one value, or null when absent; a repeated parameter is a problem.</summary>
    private static string? Single(IQueryCollection query, string name, ref RequestProblem? problem)
    {
        if (problem is not null || !query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count != 1)
        {
            problem = RequestProblem.BadRequest($"{name} is given {values.Count} times; give it once.");
            return null;
        }

        return values[0] ?? string.Empty;
    }
}
