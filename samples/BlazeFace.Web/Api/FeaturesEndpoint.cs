using BlazeFace.Cli.Commands;

namespace BlazeFace.Web.Api;

/// <summary>
/// <c>GET /api/features</c>: what this server offers, for the page's controls: <c>{"models": [...], "mesh": true}</c>.
/// <c>"mesh"</c> is always true now; builds before the face mesh said false, so clients that check it keep working.
/// </summary>
internal static class FeaturesEndpoint
{
    public static IResult Handle() => Results.Json(new Features([.. BundledModelNames.Models.Keys], Mesh: true));

    private sealed record Features(string[] Models, bool Mesh);
}
