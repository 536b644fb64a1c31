namespace BlazeFace.Docs.Tests.Snippets;

/// <summary>
/// The names a documentation block may use without declaring them, because the text around it says what they are:
/// <c>detector</c> (a <see cref="FaceDetector"/>), <c>image</c> (an <see cref="Imaging.ImageView"/> of your pixels),
/// <c>face</c> (one <see cref="FaceDetection"/>), and <c>pixels</c>, <c>width</c>, <c>height</c> (an RGB buffer
/// and its size). A block that declares one of these names itself simply uses its own.
/// </summary>
/// <remarks>
/// <see cref="Source"/> is compiled into every block's compilation (never run): the members only have to have the
/// right types. The list is kept short on purpose; CONTRIBUTING.md repeats it.
/// </remarks>
public static class SnippetContext
{
    /// <summary>The context's C# source, in the global namespace so that <c>global using static SnippetContext;</c> reaches it.</summary>
    public const string Source = """
        #pragma warning disable IDE1006 // lower-case names, as the blocks use them
        public static class SnippetContext
        {
            public static BlazeFace.FaceDetector detector => throw new System.NotSupportedException();
            public static BlazeFace.Imaging.ImageView image => throw new System.NotSupportedException();
            public static BlazeFace.FaceDetection face => throw new System.NotSupportedException();
            public static byte[] pixels => throw new System.NotSupportedException();
            public static int width => throw new System.NotSupportedException();
            public static int height => throw new System.NotSupportedException();
        }
        """;
}
