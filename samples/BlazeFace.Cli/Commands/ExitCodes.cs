namespace BlazeFace.Cli.Commands;

/// <summary>The CLI's exit codes, as the README documents them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line was wrong (System.CommandLine's own parse errors return this too).</summary>
    public const int Usage = 1;

    /// <summary>An image or model file could not be read or was malformed.</summary>
    public const int BadInput = 2;

    /// <summary>The run was stopped by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it); what was done is kept.</summary>
    public const int Interrupted = 130;
}
