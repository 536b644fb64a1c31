using Microsoft.Extensions.FileProviders;

namespace BlazeFace.Web.Hosting;

/// <summary>
/// The page (wwwroot: index.html, app.js, app.css), served from resources embedded in the assembly: nothing is read
/// from disk at run time, and the app works from any working directory.
/// </summary>
internal static class EmbeddedPage
{
    public static IApplicationBuilder UseEmbeddedPage(this IApplicationBuilder app)
    {
        var files = new EmbeddedFileProvider(typeof(EmbeddedPage).Assembly, "BlazeFace.Web.wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,

            // A new build's page must not meet an old cached script.
            OnPrepareResponse = static context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
