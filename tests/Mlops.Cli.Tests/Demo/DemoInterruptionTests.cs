using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mlops.Core.Registry;
using Mlops.Testing;
using Mlops.Testing.Services;

namespace Mlops.Cli.Tests.Demo;

/// <summary>
/// The demo stops what it started also when it does not run to its end: interrupted in the middle of
/// the simulation, and when a step fails because the service it started died.
/// </summary>
public sealed class DemoInterruptionTests
{
    [Fact]
    public async Task Interrupted_during_the_simulation_it_stops_the_service_and_the_monitor_and_exits_130()
    {
        using var temp = new TemporaryDirectory("mlops-demo-stop");
        var workdir = temp.File("run");
        using var demo = Start(temp, workdir);
        await WaitForSimulationAsync(demo, workdir);

        // Ctrl-C is SIGINT; where this test run ignores SIGINT (a background job), its children do too: SIGTERM takes the same path.
        await SignalAsync(demo.Id, Signals.CtrlCReachesChildren ? "INT" : "TERM");
        var (exit, stdout, stderr) = await FinishAsync(demo);

        Assert.True(exit == 130, $"exit {exit}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("interrupted", json.RootElement.GetProperty("ending").GetString());
        var simulate = json.RootElement.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "simulate");
        Assert.Equal("interrupted", simulate.GetProperty("outcome").GetString());
        Assert.Contains("stopped the prediction service", stderr, StringComparison.Ordinal);
        Assert.Empty(ProcessesOfHome.Find(Path.Combine(workdir, "home")));
    }

    [Fact]
    public async Task Interrupted_while_the_services_start_it_stops_the_ones_already_started()
    {
        using var temp = new TemporaryDirectory("mlops-demo-stop");
        var workdir = temp.File("run");
        using var demo = Start(temp, workdir);
        await WaitForStateAsync(demo, workdir, service => Task.FromResult(true));

        await SignalAsync(demo.Id, Signals.CtrlCReachesChildren ? "INT" : "TERM");
        var (exit, stdout, stderr) = await FinishAsync(demo);

        Assert.True(exit == 130, $"exit {exit}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("interrupted", json.RootElement.GetProperty("ending").GetString());
        Assert.Empty(ProcessesOfHome.Find(Path.Combine(workdir, "home")));
        Assert.False(File.Exists(Path.Combine(workdir, "home", "run", "stack.json")));
    }

    [Fact]
    public async Task When_the_service_dies_the_simulation_step_fails_the_monitor_is_stopped_and_the_exit_code_is_1()
    {
        using var temp = new TemporaryDirectory("mlops-demo-fail");
        var workdir = temp.File("run");
        using var demo = Start(temp, workdir);
        var service = await WaitForSimulationAsync(demo, workdir);

        await SignalAsync(service, "KILL");
        var (exit, stdout, stderr) = await FinishAsync(demo);

        Assert.True(exit == 1, $"exit {exit}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("failed", json.RootElement.GetProperty("ending").GetString());
        Assert.Contains("prediction service", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("step").GetString()!, s => s.GetProperty("outcome").GetString());
        Assert.Equal("error", steps["simulate"]);
        Assert.Equal("done", steps["stop"]);
        Assert.False(steps.ContainsKey("ground_truth"));
        Assert.Empty(ProcessesOfHome.Find(Path.Combine(workdir, "home")));
    }

    private static Process Start(TemporaryDirectory temp, string workdir)
    {
        var start = CliProcess.StartInfo(
            ["demo", "--data", RepositoryPaths.SeedData, "--months", "13", "--label-delay", "1", "--workdir", workdir, "--no-report", "--json"],
            temp.Path,
            new Dictionary<string, string> { [RegistryHome.EnvironmentVariable] = temp.File("user-home") });
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the demo");
    }

    /// <summary>Waits until the demo's services run and the first month has gone through; returns the service's pid.</summary>
    private static Task<int> WaitForSimulationAsync(Process demo, string workdir) =>
        WaitForStateAsync(demo, workdir, async url => await ServedRequestsAsync(url) > 1500);

    /// <summary>Waits until the state file lists the service and <paramref name="ready"/> holds for its URL; returns its pid.</summary>
    private static async Task<int> WaitForStateAsync(Process demo, string workdir, Func<string, Task<bool>> ready)
    {
        var state = Path.Combine(workdir, "home", "run", "stack.json");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline && !demo.HasExited)
        {
            if (File.Exists(state))
            {
                try
                {
                    using var json = JsonDocument.Parse(await File.ReadAllTextAsync(state));
                    var service = json.RootElement.GetProperty("processes").EnumerateArray().FirstOrDefault(p => p.GetProperty("name").GetString() == "service");
                    if (service.ValueKind == JsonValueKind.Object && await ready(service.GetProperty("url").GetString()!))
                    {
                        return service.GetProperty("pid").GetInt32();
                    }
                }
                catch (Exception e) when (e is IOException or JsonException or HttpRequestException)
                {
                    // Being written, or the service not listening yet.
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"the demo's service did not get that far (demo exited: {demo.HasExited})");
    }

    /// <summary>Predictions the service answered so far, from its metrics.</summary>
    private static async Task<double> ServedRequestsAsync(string serviceUrl)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var metrics = await http.GetStringAsync(new Uri(serviceUrl + "/metrics"));
        return metrics.Split('\n')
            .Where(l => l.StartsWith("mlops_predictions_total{", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> FinishAsync(Process demo)
    {
        var stdout = demo.StandardOutput.ReadToEndAsync();
        var stderr = demo.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await demo.WaitForExitAsync(timeout.Token);
        return (demo.ExitCode, await stdout, await stderr);
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }
}
