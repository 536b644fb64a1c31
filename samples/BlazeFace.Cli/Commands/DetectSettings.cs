using BlazeFace.Cli.Batch;

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
    bool AllowPartialImages)
{
    /// <summary>Also map each face with the 468-point face mesh (--mesh).</summary>
    public bool Mesh { get; init; }

    /// <summary>Photos read and detected at once (--jobs): threads per stage of the pipeline.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Decode every image whole even where the search needs less (--full-resolution).</summary>
    public bool FullResolution { get; init; }

    /// <summary>Read the subfolders of folder arguments too (--recursive).</summary>
    public bool Recursive { get; init; }

    /// <summary>The extensions a folder's files are picked by (--ext), with their dot; all the decodable ones by default.</summary>
    public IReadOnlySet<string> Extensions { get; init; } = InputFiles.ImageExtensions;

    /// <summary>The part of the files this run reads (--shard K/N), or null for all.</summary>
    public Shard? Shard { get; init; }

    /// <summary>The JSON-lines file whose images are skipped and to which new results are appended (--resume), or null.</summary>
    public string? ResumeFile { get; init; }

    /// <summary>Whether results are JSON lines (--json, or --resume, whose file holds them).</summary>
    public bool WritesJson => Json || ResumeFile is not null;

    /// <summary>
    /// Whether the images must be decoded whole: asked for, or needed by an output drawn or cropped from the pixels
    /// (--out, --crops), by tiles at the image's own resolution (--tiles), by a region given in its pixels (--roi), or by
    /// the face mesh, whose 192x192 crop of each face would otherwise come from fewer pixels than the photo has (--mesh).
    /// Otherwise a JPEG is decoded at the smallest DCT scale that still gives the model's input its resolution.
    /// </summary>
    public bool NeedsFullResolution =>
        FullResolution || Mesh || Out is not null || Crops is not null || Search.Tiling is not null || Search.RegionOfInterest is not null;
}
