namespace BlazeFace.Tests.Support;

/// <summary>Locates the repository checkout the tests run from, so tests can read its assets in place.</summary>
internal static class RepositoryPaths
{
    private const string SolutionFile = "BlazeFace.sln";

    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    /// <summary>The directory holding BlazeFace.sln, found by walking up from the test output directory.</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>A path under <c>assets/</c>, e.g. <c>Asset("models/face_detection_front.tflite")</c>.</summary>
    public static string Asset(string relative) => Path.Combine(Root, "assets", relative);

    /// <summary>
    /// A path under the <c>shared/</c> folder that sits beside the checkout (extra files kept out of the repository).
    /// </summary>
    public static string Shared(string relative) => Path.GetFullPath(Path.Combine(Root, "..", "shared", relative));

    private static string FindRoot()
    {
        string start = TestContext.CurrentContext.TestDirectory;
        for (DirectoryInfo? directory = new(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no directory above {start} contains {SolutionFile}");
    }
}
