using BlazeFace.Tests.Support;

namespace BlazeFace.Web.Tests.Support;

/// <summary>The bundled photos (assets/images) as files, the way a user would upload them.</summary>
internal static class Photos
{
    public static string Path(string name) => RepositoryPaths.Asset(System.IO.Path.Combine("images", name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));
}
