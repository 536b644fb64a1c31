using SkiaSharp;

namespace BlazeFace.Cli.Imaging;

/// <summary>
/// The typeface of the score labels: an embedded subset of DejaVu Sans (Fonts/NOTICE.md), because Skia's Linux
/// native assets without dependencies see no system fonts.
/// </summary>
internal static class LabelTypeface
{
    private const string ResourceName = "BlazeFace.Cli.DejaVuSansDigits.ttf";

    private static readonly Lazy<SKTypeface> s_typeface = new(Load);

    public static SKTypeface Instance => s_typeface.Value;

    private static SKTypeface Load()
    {
        using Stream stream = typeof(LabelTypeface).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded font '{ResourceName}' is missing.");
        using SKData data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The embedded font '{ResourceName}' cannot be read.");
    }
}
