using System.Diagnostics;
using System.Globalization;
using Mlops.Testing;

namespace Mlops.Simulation.Tests;

/// <summary><c>mlops simulate</c> as a user runs it: against a real monitor (mocked) and with what goes wrong.</summary>
public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Mock_sends_the_seeds_rows_straight_to_the_monitor_and_each_month_gets_the_offline_verdict()
    {
        await using var sandbox = new SimulationSandbox();
        var monitor = await sandbox.StartMonitorAsync();

        var output = SimulationOutput.Of(await sandbox.SimulateAsync("--mock", "--monitor", monitor.Url, "--months", "1-3", "--json"));

        Assert.Equal("mock", output.Root.GetProperty("mode").GetString());
        Assert.Equal($"{monitor.Url}/iterate/insurance", output.Root.GetProperty("target").GetString());
        Assert.Equal([1, 2, 3], output.Months.Select(m => m.GetProperty("month").GetInt32()));
        foreach (var month in output.Months)
        {
            var number = month.GetProperty("month").GetInt32();
            Assert.Equal(1500, month.GetProperty("answered").GetInt32());
            Assert.Equal(0, month.GetProperty("rejected").GetInt32());
            // The monitor takes whole CSV rows and every month fills the window exactly: the offline verdict, score for score.
            var offline = OfflineDrift.Month(number);
            Assert.Equal(number * 1500L, month.GetProperty("drift").GetProperty("rows_received").GetInt64());
            Assert.Equal(offline.DatasetDrift, SimulationOutput.DatasetDrift(month));
            Assert.Equal(offline.Columns.Where(c => c.Drifted).Select(c => SimulationOutput.InSeedSpelling(c.Column)), SimulationOutput.Drifted(month));
            foreach (var column in offline.Columns)
            {
                Assert.Equal(column.DriftScore, month.GetProperty("drift").GetProperty("scores").GetProperty(SimulationOutput.InSeedSpelling(column.Column)).GetDouble(), 12);
            }

            // Rows without a source: no fallback rate, neither here nor in the monitor's window.
            Assert.False(month.TryGetProperty("fallback_rate", out _));
            Assert.False(month.GetProperty("drift").TryGetProperty("window_fallback_rate", out _));
        }

        Assert.Contains("miles", SimulationOutput.Drifted(output.Month(2)));
        Assert.Equal(4500, output.Root.GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task An_unreachable_service_is_one_line_and_exit_2()
    {
        await using var sandbox = new SimulationSandbox();
        var dead = FreePort.Next();

        var result = await sandbox.SimulateAsync("--service", $"http://127.0.0.1:{dead}", "--monitor", $"http://127.0.0.1:{FreePort.Next()}");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"mlops: error: cannot reach the prediction service at http://127.0.0.1:{dead}/: ", line, StringComparison.Ordinal);
        Assert.Contains("'mlops serve' or 'mlops up'", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_monitor_is_one_line_and_exit_2()
    {
        await using var sandbox = new SimulationSandbox();
        var dead = FreePort.Next();

        var result = await sandbox.SimulateAsync("--mock", "--monitor", $"http://127.0.0.1:{dead}");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"mlops: error: cannot reach the drift monitor at http://127.0.0.1:{dead}/: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_does_not_feed_the_monitor_is_named_after_the_first_month()
    {
        await using var sandbox = new SimulationSandbox();
        var monitor = await sandbox.StartMonitorAsync();
        var service = await sandbox.StartServiceAsync(); // no --monitor: the answers never reach it

        var result = await sandbox.SimulateAsync("--service", service.Url, "--monitor", monitor.Url, "--months", "1", "--monitor-timeout", "2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"the drift monitor at {monitor.Url}/ received none of the 1500 answered rows within 2 s: start the service with 'mlops serve --monitor {monitor.Url}/'", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--months", "0-3", "--months '0-3': expected FIRST-LAST")]
    [InlineData("--months", "5-2", "--months '5-2': expected FIRST-LAST")]
    [InlineData("--months", "37", "month-37.csv: month 37 is missing")]
    [InlineData("--rate", "-1", "--rate must be between 0")]
    [InlineData("--concurrency", "0", "--concurrency must be between 1 and 1024")]
    [InlineData("--monitor-timeout", "0", "--monitor-timeout must be between 0 and 3600 seconds")]
    [InlineData("--service", "localhost:8080", "--service 'localhost:8080' is not an http(s) URL")]
    public async Task Bad_options_are_one_line_and_exit_2(string option, string value, string message)
    {
        await using var sandbox = new SimulationSandbox();

        var result = await sandbox.SimulateAsync(option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_stops_cleanly_with_a_summary_of_what_was_sent()
    {
        await using var sandbox = new SimulationSandbox();
        var monitor = await sandbox.StartMonitorAsync();
        var start = CliProcess.StartInfo(
            ["simulate", "--mock", "--monitor", monitor.Url, "--data", RepositoryPaths.SeedData, "--rate", "1500", "--months", "1-36"],
            environment: sandbox.Environment());
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var simulate = Process.Start(start)!;
        var stderr = simulate.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        // At 1,500 requests a second a month takes a second: stop once the first month's line is out.
        while (await simulate.StandardOutput.ReadLineAsync() is { } line)
        {
            lines.Add(line);
            if (line.TrimStart().StartsWith("1 ", StringComparison.Ordinal))
            {
                using var kill = Process.Start("kill", [Signals.CtrlCReachesChildren ? "-INT" : "-TERM", simulate.Id.ToString(CultureInfo.InvariantCulture)]);
                await kill.WaitForExitAsync();
                break;
            }
        }

        lines.AddRange((await simulate.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await simulate.WaitForExitAsync();

        Assert.True(simulate.ExitCode == 130, $"exit {simulate.ExitCode}\n{string.Join('\n', lines)}\n{await stderr}");
        var summary = lines.Last();
        Assert.Matches(@"^interrupted in month \d+ \([\d,]+ of 1,500 rows sent\) after \d+ of 36 months: [\d,]+ rows in ", summary);
        Assert.DoesNotContain("   at ", await stderr, StringComparison.Ordinal);
    }
}
