namespace BlazeFace.Cli.Commands;

/// <summary>What one <c>detect</c> command line asks for, parsed and validated.</summary>
/// <param name="Inputs">Image files and folders, as given.</param>
/// <param name="Model">The --model argument as given (echoed in the JSON).</param>
/// <param name="MinScore">The score threshold, or null for the model's default.</param>
/// <param name="NonMaxSuppression">How overlapping candidates are suppressed.</param>
/// <param name="Resize">How images are fitted to the model input.</param>
/// <param name="Json">JSON lines instead of a table.</param>
/// <param name="Out">Where annotated images go, or null for none.</param>
/// <param name="Search">Rotation, orientation, region of interest and tiling of each image's search.</param>
/// <param name="Crops">The folder that receives each face's aligned crop, or null for none.</param>
/// <param name="CropSize">Side of the square crops, in pixels.</param>
/// <param name="AllowPartialImages">Decode truncated image files as far as their data goes instead of refusing them.</param>
/// <param name="Mesh">Also map each face with the 468-point face mesh.</param>
internal sealed record DetectSettings(
    IReadOnlyList<string> Inputs,
    string Model,
    float? MinScore,
    NonMaxSuppressionKind NonMaxSuppression,
    ResizeMode Resize,
    bool Json,
    string? Out,
    ImageProcessingOptions Search,
    string? Crops,
    int CropSize,
    bool AllowPartialImages,
    bool Mesh = false);
