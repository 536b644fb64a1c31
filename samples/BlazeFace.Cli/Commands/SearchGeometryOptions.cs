using System.Drawing;
using System.CommandLine;
using System.Globalization;
using BlazeFace.Preprocessing;

namespace BlazeFace.Cli.Commands;

/// <summary>
/// The options of <c>detect</c> that shape the search (--rotation, --roi) and the aligned crops (--crop-size), with
/// parsers whose errors name the option and say what it takes (exit code 1), as <see cref="OptionParsers"/> does.
/// </summary>
internal static class SearchGeometryOptions
{
    /// <summary>The largest crop side the CLI writes: 4096 x 4096 RGBA is 64 MiB a face, beyond any use of a face crop.</summary>
    public const int MaxCropSize = 4096;

    /// <summary>How far --rotation may turn: a full turn either way covers every angle.</summary>
    private const float MaxRotationDegrees = 360f;

    public static Option<float?> Rotation()
    {
        var option = new Option<float?>("--rotation")
        {
            Description = "Turn the image (or the --roi) clockwise by DEG degrees before searching, -360 to 360; results stay in the image's own pixels (90: a photo lying on its side, top to the left)",
            HelpName = "DEG",
        };
        option.CustomParser = result =>
        {
            string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (float.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out float degrees)
                && float.IsFinite(degrees) && Math.Abs(degrees) <= MaxRotationDegrees)
            {
                return degrees;
            }

            result.AddError($"{option.Name} takes a number of degrees from -360 to 360, not '{token}'.");
            return null;
        };
        return option;
    }

    public static Option<Rectangle?> RegionOfInterest()
    {
        var option = new Option<Rectangle?>("--roi")
        {
            Description = "Search only this rectangle of each image, in whole pixels: left, top, width, height (it must lie inside the image)",
            HelpName = "X,Y,W,H",
        };
        option.CustomParser = result =>
        {
            string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (TryParseRegion(token) is { } region)
            {
                return region;
            }

            result.AddError($"{option.Name} takes X,Y,W,H: four whole numbers, X and Y at least 0, W and H at least 1, not '{token}'.");
            return null;
        };
        return option;
    }

    public static Option<int> CropSize()
    {
        var option = new Option<int>("--crop-size")
        {
            Description = $"Side of the square --crops, in pixels, 1 to {MaxCropSize}",
            HelpName = "N",
            DefaultValueFactory = _ => 128,
        };
        option.CustomParser = result =>
        {
            string token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size) && size is >= 1 and <= MaxCropSize)
            {
                return size;
            }

            result.AddError($"{option.Name} takes a whole number from 1 to {MaxCropSize}, not '{token}'.");
            return 0;
        };
        return option;
    }

    /// <summary>The region as the command line writes it, for error messages.</summary>
    public static string Format(Rectangle region) =>
        string.Create(CultureInfo.InvariantCulture, $"{region.X},{region.Y},{region.Width},{region.Height}");

    private static Rectangle? TryParseRegion(string text)
    {
        string[] parts = text.Split(',');
        if (parts.Length != 4)
        {
            return null;
        }

        Span<int> values = stackalloc int[4];
        for (int i = 0; i < 4; i++)
        {
            if (!int.TryParse(parts[i].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        var region = new Rectangle(values[0], values[1], values[2], values[3]);
        return region.X >= 0 && region.Y >= 0 && region.Width >= 1 && region.Height >= 1 ? region : null;
    }
}
