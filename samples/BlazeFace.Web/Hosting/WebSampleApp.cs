using BlazeFace.Web.Api;
using BlazeFace.Web.Detection;
using BlazeFace.Web.Imaging;
using BlazeFace.Web.Requests;
using BlazeFace.Web.Tracking;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace BlazeFace.Web.Hosting;

/// <summary>
/// Builds the web sample: the page, <c>POST /api/detect</c>, the <c>/api/track</c> WebSocket, <c>GET /api/features</c>
/// and <c>GET /healthz</c>, with every refusal and every failure answered as one-line problem details and never an
/// exception's text or stack.
/// </summary>
internal static class WebSampleApp
{
    /// <summary>Room for the multipart framing around a file of <see cref="WebSampleOptions.MaxRequestBytes"/>.</summary>
    private const int MultipartOverheadBytes = 64 * 1024;

    /// <param name="args">The command line: ASP.NET Core's (<c>--urls http://0.0.0.0:8080</c>) and the limits (<c>--BlazeFace:MaxPixels=20000000</c>).</param>
    /// <exception cref="InvalidOperationException">A limit in the configuration is out of range.</exception>
    public static WebApplication Create(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(args);
        WebSampleOptions limits = builder.Configuration.GetSection(WebSampleOptions.Section).Get<WebSampleOptions>() ?? new WebSampleOptions();
        limits.Validate();

        // Requests are not logged one by one: under load that would cost more than the detection.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBytes + MultipartOverheadBytes);
        builder.Services.AddSingleton(Options.Create(limits));
        builder.Services.AddSingleton<DetectorCatalog>();
        builder.Services.AddSingleton<LandmarkerCatalog>();
        builder.Services.AddSingleton<DetectionSlots>();
        builder.Services.AddSingleton<DetectionThreads>();
        builder.Services.AddSingleton<FaceAnalyzer>();
        builder.Services.AddSingleton<EncodedImageDecoder>();
        builder.Services.AddSingleton<ImageUploadReader>();
        builder.Services.AddSingleton<OpenSocketCount>();
        builder.Services.AddHealthChecks();
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = static context =>
        {
            // Whatever failed, the caller gets the status and a sentence of the server's own; the log has the rest.
            context.ProblemDetails.Extensions.Remove("exception");
            if (context.ProblemDetails.Status >= StatusCodes.Status500InternalServerError)
            {
                context.ProblemDetails.Detail = "The server failed to process the request.";
            }
        });

        WebApplication app = builder.Build();

        // The default model's detector now, so the first request does not wait for the model to be built.
        using (app.Services.GetRequiredService<DetectorCatalog>().Rent(new DetectionQuery(DetectionQuery.DefaultModel, MinScore: null, Mesh: false)))
        {
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Kestrel's own refusals (a body over its limit, a malformed request) keep their 4xx status.
            StatusCodeSelector = static exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseEmbeddedPage();

        app.MapPost("/api/detect", DetectEndpoint.HandleAsync);
        app.Map("/api/track", TrackEndpoint.HandleAsync);
        app.MapGet("/api/features", FeaturesEndpoint.Handle);
        app.MapHealthChecks("/healthz");
        return app;
    }
}
