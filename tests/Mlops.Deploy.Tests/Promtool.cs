using System.Diagnostics;
using Mlops.Testing;

namespace Mlops.Deploy.Tests;

/// <summary>Runs Prometheus' own checker (Debian package prometheus, installed by scripts/install-test-deps.sh).</summary>
internal static class Promtool
{
    public static Task<ProcessResult> RunAsync(params string[] args) =>
        ProcessRunner.RunAsync(new ProcessStartInfo("promtool", args), TimeSpan.FromMinutes(1));
}
