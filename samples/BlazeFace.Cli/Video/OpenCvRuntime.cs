using System.Runtime.InteropServices;
using OpenCvSharp;

namespace BlazeFace.Cli.Video;

/// <summary>
/// OpenCV's native library (OpenCvSharpExtern, with FFmpeg linked in) as the video command needs it: found next to
/// the CLI, quiet on stderr, and when it is missing or cannot load, one sentence saying what to install.
/// </summary>
/// <remarks>
/// Only the linux-x64 build of the CLI carries the library (OpenCvSharp4.official.runtime.linux-x64 is the one
/// runtime package the project uses); on the other platforms, or on Linux without GTK 3, <c>detect</c>, <c>bench</c>
/// and <c>export</c> still work, since nothing here runs before a <c>video</c> command.
/// </remarks>
internal static class OpenCvRuntime
{
    private const string LibraryName = "OpenCvSharpExtern";

    private static readonly Lazy<string?> s_loadError = new(Load);

    private static string? s_bundledLoadError;

    private static IntPtr s_bundledHandle;

    /// <summary>The file name of the native library on this platform.</summary>
    private static string LibraryFileName =>
        OperatingSystem.IsWindows() ? LibraryName + ".dll"
        : OperatingSystem.IsMacOS() ? "lib" + LibraryName + ".dylib"
        : "lib" + LibraryName + ".so";

    /// <summary>Loads OpenCV once per process.</summary>
    /// <returns>Null when OpenCV is ready; otherwise why not and what to install, as one sentence.</returns>
    public static string? TryLoad() => s_loadError.Value;

    private static string? Load()
    {
        // Native AOT does not look beside the executable for a library that OpenCvSharp imports by bare name (measured:
        // a DllNotFoundException with the library next to the binary), so point it there; the default lookup
        // (LD_LIBRARY_PATH, DYLD_LIBRARY_PATH, PATH) remains the fallback.
        NativeLibrary.SetDllImportResolver(typeof(Cv2).Assembly, ResolveBundled);
        FfmpegLog.Silence();
        try
        {
            // The first call runs OpenCvSharp's native initialisation, which is where a missing library shows.
            _ = Cv2.GetVersionString();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException { InnerException: DllNotFoundException })
        {
            return Explain();
        }

        // OpenCV's own warnings ("[ WARN:0@...]") would break the one-line error contract; the user can still ask for
        // them with OPENCV_LOG_LEVEL.
        if (Environment.GetEnvironmentVariable("OPENCV_LOG_LEVEL") is null)
        {
            Cv2.SetLogLevel(LogLevel.SILENT);
        }

        return null;
    }

    private static IntPtr ResolveBundled(string name, System.Reflection.Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibraryName || s_bundledLoadError is not null)
        {
            return IntPtr.Zero;
        }

        // Called for each imported function on first use: load once.
        if (s_bundledHandle != IntPtr.Zero)
        {
            return s_bundledHandle;
        }

        string bundled = Path.Combine(AppContext.BaseDirectory, LibraryFileName);
        if (!File.Exists(bundled))
        {
            return IntPtr.Zero;
        }

        try
        {
            s_bundledHandle = NativeLibrary.Load(bundled);
            return s_bundledHandle;
        }
        catch (DllNotFoundException e)
        {
            // Present but unloadable: a library it links is missing (GTK 3 on a bare Linux). Keep the loader's reason.
            s_bundledLoadError = e.Message;
            return IntPtr.Zero;
        }
    }

    private static string Explain()
    {
        if (s_bundledLoadError is { } reason)
        {
            string firstLine = reason.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? reason;
            string loading = $"the video command needs OpenCV, whose library {LibraryFileName} is here but could not be loaded ({firstLine})";

            // The Linux library links GTK 3 for OpenCV's windows, which minimal systems and containers lack.
            return reason.Contains("libgtk", StringComparison.Ordinal)
                ? loading + "; install GTK 3 (Debian/Ubuntu: apt-get install libgtk-3-0; RHEL: dnf install gtk3)"
                : loading;
        }

        string rid = RuntimeInformation.RuntimeIdentifier;
        string package = rid switch
        {
            "win-x64" => "OpenCvSharp4.runtime.win",
            "win-arm64" => "OpenCvSharp4.runtime.win-arm64",
            "osx-arm64" => "OpenCvSharp4.runtime.osx.arm64",
            "osx-x64" => "OpenCvSharp4.runtime.osx.x64",
            "linux-arm64" => "OpenCvSharp4.runtime.linux-arm64",
            _ => "OpenCvSharp4.official.runtime.linux-x64",
        };
        string searchPath = OperatingSystem.IsWindows() ? "PATH" : OperatingSystem.IsMacOS() ? "DYLD_LIBRARY_PATH" : "LD_LIBRARY_PATH";
        return $"the video command needs OpenCV's native library {LibraryFileName}, which this build of blazeface ({rid}) does not include: " +
            $"take it from the NuGet package {package} (runtimes/{rid}/native) and put it next to the blazeface executable or on {searchPath}";
    }
}
