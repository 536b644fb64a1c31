namespace BlazeFace.Tests.Support;

/// <summary>Files of the repository checkout the tests run from (found by walking up to BlazeFace.sln).</summary>
internal static class RepositoryFiles
{
    /// <summary>A path under <c>assets/</c>, e.g. <c>Asset("models/face_detection_front.tflite")</c>.</summary>
    public static string Asset(string relative)
    {
        for (DirectoryInfo? directory = new(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BlazeFace.sln")))
            {
                return Path.Combine(directory.FullName, "assets", relative);
            }
        }

        throw new InvalidOperationException($"No directory above {TestContext.CurrentContext.TestDirectory} holds BlazeFace.sln.");
    }
}
