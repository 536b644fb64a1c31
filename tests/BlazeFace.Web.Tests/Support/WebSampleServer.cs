using BlazeFace.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace BlazeFace.Web.Tests.Support;

/// <summary>
/// The web sample running in this process on a free loopback port, as <c>dotnet run</c> would start it, with the
/// limits a test names (<c>"MaxRequestBytes=100000"</c> for <c>--BlazeFace:MaxRequestBytes=100000</c>).
/// </summary>
internal sealed class WebSampleServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebSampleServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The server's root, http://127.0.0.1:PORT/.</summary>
    public Uri Address { get; }

    /// <summary>A client for the server's address.</summary>
    public HttpClient Client { get; }

    public static async Task<WebSampleServer> StartAsync(params string[] limits)
    {
        WebApplication app = WebSampleApp.Create(["--urls", "http://127.0.0.1:0", .. limits.Select(limit => $"--BlazeFace:{limit}")]);
        await app.StartAsync();
        return new WebSampleServer(app, new Uri(app.Urls.Single()));
    }

    /// <summary>The address of a path on the server with ws: for http:.</summary>
    public Uri WebSocketAddress(string pathAndQuery) => new(new UriBuilder(Address) { Scheme = "ws" }.Uri, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
