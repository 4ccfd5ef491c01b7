namespace Mlops.Testing.Services;

/// <summary>What signals a child process of this test run can receive.</summary>
public static class Signals
{
    /// <summary>
    /// False when this process was started with SIGINT ignored (a background job of a shell without
    /// job control): its children inherit that, so Ctrl-C (SIGINT) cannot reach them and the tests
    /// stop the service with SIGTERM, which takes the same clean-shutdown path.
    /// </summary>
    public static bool CtrlCReachesChildren { get; } = !SigIntIgnored();

    private static bool SigIntIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << 1)) != 0;
    }
}
