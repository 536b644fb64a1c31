using BlazeFace.Cli.Commands;
using BlazeFace.Web.Detection;

namespace BlazeFace.Web.Api;

/// <summary><c>GET /api/features</c>: what this build offers, for the page's controls: <c>{"models": [...], "mesh": bool}</c>.</summary>
internal static class FeaturesEndpoint
{
    public static IResult Handle() => Results.Json(new Features([.. BundledModelNames.Models.Keys], MeshSupport.IsAvailable));

    private sealed record Features(string[] Models, bool Mesh);
}
