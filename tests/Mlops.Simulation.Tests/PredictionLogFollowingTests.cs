using Mlops.Testing;

namespace Mlops.Simulation.Tests;

/// <summary>
/// <c>mlops monitor --prediction-log</c>: a service started without <c>--monitor</c> is monitored all the
/// same, through its prediction log — a real service writing it, a real monitor following it.
/// </summary>
public sealed class PredictionLogFollowingTests
{
    [Fact]
    public async Task The_monitor_follows_the_services_SQLite_log_month_by_month()
    {
        await using var sandbox = new SimulationSandbox();
        var service = await sandbox.StartServiceAsync(); // the default log: $MLOPS_HOME/predictions.db
        var monitor = await sandbox.StartMonitorAsync("--prediction-log", "sqlite:" + sandbox.PredictionLogPath);

        await AssertMonitoredThroughTheLogAsync(sandbox, service, monitor);
        Assert.Contains($"following the prediction log sqlite:{sandbox.PredictionLogPath} into dataset insurance", monitor.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monitor_follows_the_services_PostgreSQL_log_month_by_month()
    {
        // A schema of its own: other tests write to the shared one at the same time, and the monitor would see their rows.
        using var database = new PostgresScratchSchema();
        await using var sandbox = new SimulationSandbox();
        var service = await sandbox.StartServiceAsync("--prediction-log", "postgres:" + database.ConnectionString);
        var monitor = await sandbox.StartMonitorAsync("--prediction-log", "postgres:" + database.ConnectionString);

        await AssertMonitoredThroughTheLogAsync(sandbox, service, monitor);
    }

    /// <summary>Two months through the service: the monitor's windows get exactly the answered rows, with predictions and who answered.</summary>
    private static async Task AssertMonitoredThroughTheLogAsync(SimulationSandbox sandbox, ServiceProcess service, ServiceProcess monitor)
    {
        var output = SimulationOutput.Of(await sandbox.SimulateAsync("--service", service.Url, "--monitor", monitor.Url, "--months", "1-2", "--json"));

        Assert.Equal([1500L, 3000L], output.Months.Select(m => m.GetProperty("drift").GetProperty("rows_received").GetInt64()));
        Assert.Empty(SimulationOutput.Drifted(output.Month(1)));
        Assert.Equal(["miles"], SimulationOutput.Drifted(output.Month(2)));
        foreach (var month in output.Months)
        {
            var drift = month.GetProperty("drift");
            // The log carries who answered and what: the window's fallback rate is the month's, and prediction drift is computed.
            Assert.Equal(month.GetProperty("fallback_rate").GetDouble(), drift.GetProperty("window_fallback_rate").GetDouble(), 12);
            Assert.Equal(System.Text.Json.JsonValueKind.False, drift.GetProperty("prediction_drift").ValueKind);
        }
    }
}
