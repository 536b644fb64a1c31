namespace BlazeFace.Cli.Commands;

/// <summary>The CLI's exit codes, as the README documents them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line was wrong (System.CommandLine's own parse errors return this too).</summary>
    public const int Usage = 1;

    /// <summary>An image, video or model file could not be read or was malformed, or an output could not be written.</summary>
    public const int BadInput = 2;

    /// <summary>A fault of the CLI's own (a bug): one line naming it, never a stack trace.</summary>
    public const int InternalError = 3;

    /// <summary>The run was stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it); what was done is kept.</summary>
    public const int Interrupted = 130;
}
