using System.Globalization;

namespace BlazeFace.Web.Bench;

/// <summary>The bench command's arguments: <c>IMAGE [--requests N] [--concurrency C] [--model M] [--url URL]</c>.</summary>
internal sealed record BenchSettings(string ImagePath, int Requests, int Concurrency, string Model, Uri? Url)
{
    public static BenchSettings? Parse(string[] args, out string? mistake)
    {
        mistake = null;
        string? image = null;
        int requests = 500;
        int concurrency = Environment.ProcessorCount;
        string model = "short";
        Uri? url = null;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--requests" when TryCount(value, 1_000_000, out requests):
                case "--concurrency" when TryCount(value, 1024, out concurrency):
                    i++;
                    break;
                case "--model" when value is not null:
                    model = value;
                    i++;
                    break;
                case "--url" when Uri.TryCreate(value, UriKind.Absolute, out url) && url.Scheme is "http" or "https":
                    i++;
                    break;
                case var path when image is null && !path.StartsWith("--", StringComparison.Ordinal):
                    image = path;
                    break;
                default:
                    mistake = $"unexpected '{args[i]}'; usage: bench IMAGE [--requests 1..1000000] [--concurrency 1..1024] [--model short|full|full-sparse|back] [--url http://HOST:PORT]";
                    return null;
            }
        }

        if (image is null)
        {
            mistake = "name an image file to upload: bench IMAGE [--requests N] [--concurrency C] [--model M] [--url URL]";
            return null;
        }

        return new BenchSettings(image, requests, concurrency, model, url);
    }

    private static bool TryCount(string? text, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;
}
