using BlazeFace.Web.Bench;
using BlazeFace.Web.Hosting;

namespace BlazeFace.Web;

/// <summary>
/// <c>dotnet run --project samples/BlazeFace.Web</c> serves the page and the API (http://localhost:5000 unless
/// <c>--urls</c> says otherwise); <c>... -- bench IMAGE</c> measures <c>POST /api/detect</c> under load instead.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["bench", .. var benchArgs])
        {
            return await LoadBenchmark.RunAsync(benchArgs, Console.Out, Console.Error);
        }

        WebApplication app;
        try
        {
            app = WebSampleApp.Create(args);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"blazeface-web: {e.Message}");
            return 1;
        }

        await app.RunAsync();
        return 0;
    }
}
