namespace BlazeFace.Cli.Commands;

/// <summary>What one <c>detect</c> command line asks for, parsed and validated.</summary>
/// <param name="Inputs">Image files and folders, as given.</param>
/// <param name="Model">The --model argument as given (echoed in the JSON).</param>
/// <param name="MinScore">The score threshold, or null for the model's default.</param>
/// <param name="NonMaxSuppression">How overlapping candidates are suppressed.</param>
/// <param name="Resize">How images are fitted to the model input.</param>
/// <param name="Json">JSON lines instead of a table.</param>
/// <param name="Out">Where annotated images go, or null for none.</param>
internal sealed record DetectSettings(
    IReadOnlyList<string> Inputs,
    string Model,
    float? MinScore,
    NonMaxSuppressionKind NonMaxSuppression,
    ResizeMode Resize,
    bool Json,
    string? Out);
