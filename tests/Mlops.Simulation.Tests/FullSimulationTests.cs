using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Testing;

namespace Mlops.Simulation.Tests;

/// <summary>
/// Three years of production through the real processes: <c>mlops simulate</c> sends the seed's
/// 54,000 customers to <c>mlops serve</c>, which forwards every answered one to <c>mlops monitor</c>;
/// after each month the monitor's verdict on its window is compared with the offline drift of that
/// month's file (<c>mlops drift</c>, the talk's analysis).
/// </summary>
/// <remarks>
/// What the service changes: it refuses impossible customers (negative miles; none before month 4,
/// one in month 4, one in 12, then more every month up to 551 of 1,500 in month 36) with a 422, and
/// only answered rows reach the monitor. So the monitor's window of 1,500 rows after a month with
/// refusals reaches back into the previous month, and it never sees the most extreme miles. What that
/// does, measured: the first months of drift are the offline ones (miles 2, emergency_braking 10,
/// age 11 — no refusals there, each window is exactly its month), the dataset verdict is the offline
/// one in every month (including no drift in month 12), and the miles drift is understated from the
/// moment refusals are many (month 36: normed Wasserstein 1.69 through the service against 2.27
/// offline). A column whose offline score lies within a hair of its threshold can flip (braking_distance
/// in month 16: 0.095 offline, about 0.1005 with seven rows of month 15 in the window); the test does
/// not assert such columns.
/// </remarks>
public sealed class FullSimulationTests
{
    [Fact]
    public async Task Drift_appears_through_the_service_in_the_months_the_offline_analysis_expects()
    {
        await using var sandbox = new SimulationSandbox();
        var monitor = await sandbox.StartMonitorAsync();
        var service = await sandbox.StartServiceAsync("--monitor", monitor.Url);

        var output = SimulationOutput.Of(await sandbox.SimulateAsync("--service", service.Url, "--monitor", monitor.Url, "--json"));

        Assert.Equal(Enumerable.Range(1, 36), output.Months.Select(m => m.GetProperty("month").GetInt32()));
        Assert.False(output.Root.GetProperty("interrupted").GetBoolean());

        // The talk's story, as the offline analysis tells it (miles in month 2, emergency braking in 10, age in 11) and as the monitor saw it.
        Assert.Equal((2, 10, 11), (OfflineDrift.FirstDrift("miles"), OfflineDrift.FirstDrift("emergency_braking"), OfflineDrift.FirstDrift("age")));
        Assert.Equal(2, output.FirstDrift("miles"));
        Assert.Equal(10, output.FirstDrift(SimulationOutput.InSeedSpelling("emergency_braking"))); // emergency_breaking, as the seed's reference names it
        Assert.Equal(11, output.FirstDrift("age"));

        // Dataset drift month by month is the offline verdict: first in month 11, not in 12, then every month to 36.
        var datasetDrift = output.Months.Select(SimulationOutput.DatasetDrift).ToList();
        Assert.Equal(Enumerable.Range(1, 36).Select(m => OfflineDrift.Month(m).DatasetDrift), datasetDrift);
        Assert.Equal(11, datasetDrift.IndexOf(true) + 1);
        Assert.False(datasetDrift[11]);
        Assert.All(datasetDrift.Skip(12), Assert.True);

        long received = 0;
        foreach (var month in output.Months)
        {
            var number = month.GetProperty("month").GetInt32();
            var impossible = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(number)).Records.Count(r => r.Features.Miles < 0);
            var answered = month.GetProperty("answered").GetInt32();

            // Exactly the impossible customers are refused, and only the answered ones reach the monitor.
            Assert.Equal(impossible, month.GetProperty("rejected").GetInt32());
            Assert.Equal(1500 - impossible, answered);
            Assert.Equal(0, month.GetProperty("failed").GetInt32());
            received += answered;
            Assert.Equal(received, month.GetProperty("drift").GetProperty("rows_received").GetInt64());

            // Refused rows are the lowest miles: without them (and with older rows in the window) the miles drift is smaller.
            var milesThroughService = Score(month, "miles");
            var milesOffline = OfflineDrift.Month(number).Columns.Single(c => c.Column == "miles").DriftScore;
            if (impossible >= 10)
            {
                Assert.True(milesThroughService < milesOffline, $"month {number}: miles {milesThroughService} through the service, {milesOffline} offline");
            }

            // Without refusals the window is exactly the month: the monitor's fallback rate is the month's.
            if (impossible == 0)
            {
                Assert.Equal(month.GetProperty("fallback_rate").GetDouble(), month.GetProperty("drift").GetProperty("window_fallback_rate").GetDouble(), 12);
                Assert.Equal(OfflineDrift.Month(number).Columns.Single(c => c.Column == "miles").DriftScore, milesThroughService, 12);
            }
        }

        Assert.Equal(54_000 - received, output.Root.GetProperty("rejected").GetInt32());
        Assert.True(Score(output.Month(36), "miles") < 0.8 * OfflineDrift.Month(36).Columns.Single(c => c.Column == "miles").DriftScore);
    }

    private static double Score(JsonElement month, string column) =>
        month.GetProperty("drift").GetProperty("scores").GetProperty(column).GetDouble();
}
