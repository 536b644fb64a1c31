using BlazeFace.Cli.Files;
using BlazeFace.Cli.Imaging;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// Where <c>detect</c> writes, decided and checked before any image is read.
/// </summary>
/// <remarks>
/// <para>
/// <c>--out</c>: with a single image file as the argument, the annotated file itself (.png, .jpg or .jpeg); with
/// several arguments or a folder, a folder that receives <c>NAME.png</c> for each image, NAME being the image's file
/// name without its extension. <c>--crops</c>: a folder that receives <c>NAME_faceK.png</c>, K from 1 in result
/// order.
/// </para>
/// <para>
/// Refused up front with one line (exit code 1), before any image is read or any file written: an <c>--out</c> of the
/// wrong kind (a folder for one image, a file name for several); two images with one NAME (the same file name in
/// different folders, or the same name with different extensions), whose outputs would overwrite each other; an
/// annotated image named like a crop in the crops folder; and any output that would replace an input, by any path or
/// link (<see cref="InputFileSet"/>).
/// </para>
/// </remarks>
internal sealed class DetectOutputs
{
    private readonly string? _annotatedFile;
    private readonly string? _annotatedFolder;

    private DetectOutputs(string? annotatedFile, string? annotatedFolder, string? cropFolder)
    {
        _annotatedFile = annotatedFile;
        _annotatedFolder = annotatedFolder;
        CropFolder = cropFolder;
    }

    /// <summary>The folder that receives the crops, or null for none.</summary>
    public string? CropFolder { get; }

    /// <summary>The folder that receives the annotated images, or null when --out names one file (or is not given).</summary>
    public string? AnnotatedFolder => _annotatedFolder;

    /// <summary>How names compare on this platform's usual file systems (Windows and macOS ignore case).</summary>
    private static StringComparer NameComparer => FileIdentity.PathComparer;

    /// <summary>The name an image's outputs are called by: its file name without the extension.</summary>
    public static string Name(string image) => Path.GetFileNameWithoutExtension(image);

    /// <summary>The file name of face <paramref name="k"/>'s crop (from 1).</summary>
    public static string CropName(string image, int k) => $"{Name(image)}_face{k}.png";

    /// <summary>Where the annotated copy of <paramref name="image"/> goes, or null for none.</summary>
    public string? AnnotatedPath(string image) =>
        _annotatedFile ?? (_annotatedFolder is null ? null : Path.Combine(_annotatedFolder, Name(image) + ".png"));

    /// <summary>Decides the outputs for the images, or says in one line why the command line is refused.</summary>
    /// <param name="settings">The parsed command line.</param>
    /// <param name="images">The image files, folders expanded.</param>
    /// <param name="refusal">Why the outputs are refused (exit code 1), starting with the path it is about; null when they are not.</param>
    public static DetectOutputs? Plan(DetectSettings settings, IReadOnlyList<string> images, out string? refusal)
    {
        bool oneImage = settings.Inputs.Count == 1 && !Directory.Exists(settings.Inputs[0]);
        refusal = settings.Out is { } outPath ? CheckOutKind(outPath, oneImage) : null;
        refusal ??= settings.Crops is { } crops && File.Exists(crops)
            ? $"{crops}: --crops names a file; it takes the folder that receives the crops"
            : null;
        if (refusal is not null)
        {
            return null;
        }

        var outputs = new DetectOutputs(oneImage ? settings.Out : null, oneImage ? null : settings.Out, settings.Crops);
        refusal = outputs.FindClash(images) ?? outputs.FindInputReplaced(images);
        return refusal is null ? outputs : null;
    }

    private static string? CheckOutKind(string outPath, bool oneImage)
    {
        if (oneImage)
        {
            return Directory.Exists(outPath) ? $"{outPath}: --out names a folder; with one image it names the annotated file (.png, .jpg or .jpeg)"
                : !AnnotatedImageWriter.IsSupportedPath(outPath) ? $"{outPath}: --out names a .png, .jpg or .jpeg file for one image"
                : null;
        }

        // A name the writer would encode to reads as a file the user meant; a folder of that name may still exist.
        bool namesFile = File.Exists(outPath) || (!Directory.Exists(outPath) && AnnotatedImageWriter.IsSupportedPath(outPath));
        return namesFile ? $"{outPath}: --out names a file, but with several images or a folder it names the folder that receives NAME.png for each" : null;
    }

    /// <summary>Two images whose outputs would share a path, or an annotated image named like a crop.</summary>
    private string? FindClash(IReadOnlyList<string> images)
    {
        if (_annotatedFolder is not null || CropFolder is not null)
        {
            var seen = new Dictionary<string, string>(NameComparer);
            foreach (string image in images)
            {
                if (seen.TryGetValue(Name(image), out string? earlier))
                {
                    return _annotatedFolder is not null
                        ? $"{image}: it and {earlier} would both be written as {AnnotatedPath(image)} (--out names each annotated image after its file name); rename one, or run them separately"
                        : $"{image}: it and {earlier} would both write their crops as {Path.Combine(CropFolder!, Name(image) + "_faceK.png")} (--crops names each crop after its image's file name); rename one, or run them separately";
                }

                seen.Add(Name(image), image);
            }
        }

        if (CropFolder is null || (_annotatedFile is null && _annotatedFolder is null))
        {
            return null;
        }

        // NAME_faceK.png in the crops folder: an annotated image by that name there would be overwritten by a crop.
        var names = new HashSet<string>(images.Select(Name), NameComparer);
        string cropFolder = FileIdentity.RealPath(CropFolder);
        foreach (string image in images)
        {
            string annotated = AnnotatedPath(image)!;
            if (CroppedName(Path.GetFileName(annotated)) is { } cropped && names.Contains(cropped)
                && NameComparer.Equals(FileIdentity.RealPath(Path.GetDirectoryName(Path.GetFullPath(annotated))!), cropFolder))
            {
                return $"{annotated}: --out would write an annotated image where --crops writes a crop of {cropped}; give --out another name or folder";
            }
        }

        return null;
    }

    /// <summary>An output that is an input by some path or link: the annotated files, and any crop already in the crops folder.</summary>
    private string? FindInputReplaced(IReadOnlyList<string> images)
    {
        var inputs = new InputFileSet(images);
        foreach (string image in images)
        {
            if (AnnotatedPath(image) is { } annotated && inputs.InputAt(annotated) is { } input)
            {
                return $"{annotated}: --out would replace the input {input} (it is the same file); name another";
            }

            if (_annotatedFile is not null)
            {
                break;
            }
        }

        if (CropFolder is null || !Directory.Exists(CropFolder))
        {
            return null;
        }

        // The crops a run writes are not known before the faces are found; any that could be written is checked.
        var names = new HashSet<string>(images.Select(Name), NameComparer);
        IEnumerable<string> existing;
        try
        {
            existing = [.. Directory.EnumerateFiles(CropFolder, "*_face*.png")];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // writing the crops will report it
        }

        foreach (string path in existing)
        {
            if (CroppedName(Path.GetFileName(path)) is { } cropped && names.Contains(cropped) && inputs.InputAt(path) is { } input)
            {
                return $"{path}: --crops would replace the input {input} (it is the same file); name another folder";
            }
        }

        return null;
    }

    /// <summary>The image NAME when <paramref name="fileName"/> is a crop's (NAME_faceK.png), else null.</summary>
    private static string? CroppedName(string fileName)
    {
        StringComparison comparison = FileIdentity.PathComparison;
        if (!fileName.EndsWith(".png", comparison))
        {
            return null;
        }

        string stem = fileName[..^4];
        int marker = stem.LastIndexOf("_face", comparison);
        return marker > 0 && stem[(marker + 5)..] is { Length: > 0 } k && k.All(char.IsAsciiDigit) ? stem[..marker] : null;
    }
}
