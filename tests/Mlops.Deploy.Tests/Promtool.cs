using System.Diagnostics;
using Mlops.Testing;

namespace Mlops.Deploy.Tests;

/// <summary>Runs Prometheus' own checker (Debian package prometheus, installed by scripts/install-test-deps.sh).</summary>
internal static class Promtool
{
    public static async Task<ProcessResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("promtool")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start promtool");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(cancel.Token);
        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }
}
