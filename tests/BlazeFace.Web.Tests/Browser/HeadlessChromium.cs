using Microsoft.Playwright;

namespace BlazeFace.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium (apt-get install chromium), headless, driven by Playwright; no browser is downloaded. Its camera
/// is a fake one playing a Y4M file. BLAZEFACE_CHROMIUM names another Chromium binary.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Starts Chromium with its camera fed from <paramref name="cameraVideo"/>.</summary>
    /// <exception cref="InvalidOperationException">No Chromium is installed; the message says how to install it.</exception>
    public static async Task<HeadlessChromium> LaunchAsync(string cameraVideo)
    {
        string executable = Executable();
        IPlaywright playwright = await Playwright.CreateAsync();
        try
        {
            IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Timeout = 60_000,
                Args =
                [
                    // Tests run as root on CI, where Chromium's sandbox cannot start.
                    "--no-sandbox",
                    "--use-fake-device-for-media-stream",
                    "--use-fake-ui-for-media-stream",
                    $"--use-file-for-fake-video-capture={cameraVideo}",
                ],
            });
            return new HeadlessChromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }

    private static string Executable()
    {
        string[] candidates = [Environment.GetEnvironmentVariable("BLAZEFACE_CHROMIUM") ?? string.Empty, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
        return candidates.FirstOrDefault(path => path.Length > 0 && File.Exists(path))
            ?? throw new InvalidOperationException("The browser tests need Chromium: apt-get install chromium (or set BLAZEFACE_CHROMIUM to a Chromium binary).");
    }
}
