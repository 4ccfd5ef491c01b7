namespace Mlops.Cli.Infrastructure;

/// <summary>What the process exit code tells a script or CI job.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and found a problem: a failed invariant, detected drift when asked to fail on it.</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad input: a missing or malformed file, an unknown option, a corrupt model.</summary>
    public const int BadInput = 2;

    /// <summary>Interrupted by Ctrl-C.</summary>
    public const int Cancelled = 130;

    /// <summary>A bug: something we did not expect.</summary>
    public const int InternalError = 70;
}
