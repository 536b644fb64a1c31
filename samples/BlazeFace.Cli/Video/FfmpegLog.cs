using System.Runtime.InteropServices;
using System.Text;

namespace BlazeFace.Cli.Video;

/// <summary>
/// Keeps FFmpeg's own messages ("[mjpeg @ 0x...] overread 8" on a truncated file) off stderr, where the CLI promises
/// one line per problem: OpenCV reads OPENCV_FFMPEG_LOGLEVEL when its FFmpeg backend starts, and -8 is FFmpeg's
/// AV_LOG_QUIET. A user who sets OPENCV_FFMPEG_LOGLEVEL or OPENCV_FFMPEG_DEBUG keeps FFmpeg's messages.
/// </summary>
internal static class FfmpegLog
{
    private const string LevelVariable = "OPENCV_FFMPEG_LOGLEVEL";
    private const string Quiet = "-8";

    /// <summary>Sets the level in the process's native environment, before OpenCV's FFmpeg backend first runs.</summary>
    public static void Silence()
    {
        if (Environment.GetEnvironmentVariable(LevelVariable) is not null || Environment.GetEnvironmentVariable("OPENCV_FFMPEG_DEBUG") is not null)
        {
            return;
        }

        // On Unix .NET keeps its own copy of the environment, which native getenv does not see.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = SetNativeVariable(Encoding.UTF8.GetBytes(LevelVariable + "\0"), Encoding.UTF8.GetBytes(Quiet + "\0"), 1);
        }
        else
        {
            Environment.SetEnvironmentVariable(LevelVariable, Quiet);
        }
    }

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetNativeVariable(byte[] name, byte[] value, int overwrite);
}
