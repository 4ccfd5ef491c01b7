using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Mlops.Cli.Stack;
using Mlops.Testing;

namespace Mlops.Simulation.Tests;

/// <summary><c>mlops up</c> and <c>mlops down</c> as a person uses them: real background processes, a real registry, the state file.</summary>
public sealed class UpDownTests
{
    [Fact]
    public async Task Up_trains_and_promotes_a_model_starts_everything_and_down_stops_it()
    {
        await using var sandbox = new SimulationSandbox();
        int service = FreePort.Next(), monitor = FreePort.Next(), prometheus = FreePort.Next();
        var layout = new StackLayout(sandbox.Home);
        try
        {
            var up = await sandbox.RunAsync("up", "--data", RepositoryPaths.SeedData, "--port-service", SimulationSandbox.Port(service),
                "--port-monitor", SimulationSandbox.Port(monitor), "--port-prometheus", SimulationSandbox.Port(prometheus));

            Assert.True(up.ExitCode == 0, up.ToString());
            // No model in production: trained on the reference data, validated and promoted through the gate.
            Assert.Contains($"no model in production in {sandbox.Home}: training one on {RepositoryPaths.SeedMonth(0)}", up.StandardOutput, StringComparison.Ordinal);
            Assert.Matches(@"registered as v1; validated on reference\.csv: all \d+ invariants hold", up.StandardOutput);
            Assert.Contains("promoted v1 to production (the gate passed)", up.StandardOutput, StringComparison.Ordinal);
            foreach (var url in new[]
            {
                $"http://localhost:{service}/", $"http://localhost:{service}/scalar", $"http://localhost:{service}/metrics",
                $"http://localhost:{monitor}/datasets/insurance/drift", $"http://localhost:{monitor}/dashboard", $"http://localhost:{prometheus}",
            })
            {
                Assert.Contains(url, up.StandardOutput, StringComparison.Ordinal);
            }

            // The state file names three running processes, each answering where it says.
            var state = StackState.Load(layout)!;
            Assert.Equal([LocalDeployment.Monitor, LocalDeployment.Service, LocalDeployment.Prometheus], state.Processes.Select(p => p.Name));
            Assert.All(state.Processes, p => Assert.True(p.IsRunning, $"{p.Name} (pid {p.Pid}) is not running"));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            Assert.Equal("pong", await http.GetStringAsync(new Uri($"http://127.0.0.1:{service}/ping")));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{monitor}/dashboard"))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri($"http://127.0.0.1:{prometheus}/-/ready"))).StatusCode);
            using (var health = JsonDocument.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{service}/health"))))
            {
                Assert.Equal("v1", health.RootElement.GetProperty("model_version").GetString());
            }

            // The service forwards to the monitor: a month through the service reaches the monitor's window.
            var month = SimulationOutput.Of(await sandbox.SimulateAsync("--service", $"http://localhost:{service}", "--monitor", $"http://localhost:{monitor}", "--months", "1", "--json"));
            Assert.Equal(1500, month.Month(1).GetProperty("drift").GetProperty("rows_received").GetInt64());

            // That went through the stack's token (the service's forwarder and simulate read it); without it the monitor takes no rows.
            Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(layout.TokenFile) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
            using (var unauthenticated = await http.PostAsync(new Uri($"http://127.0.0.1:{monitor}/iterate/insurance"), new StringContent("[]", System.Text.Encoding.UTF8, "application/json")))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
            }

            var again = await sandbox.RunAsync("up", "--data", RepositoryPaths.SeedData, "--port-service", SimulationSandbox.Port(service),
                "--port-monitor", SimulationSandbox.Port(monitor), "--port-prometheus", SimulationSandbox.Port(prometheus));
            Assert.Equal(0, again.ExitCode);
            Assert.StartsWith("mlops is already up", again.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(state.Processes.Select(p => p.Pid), StackState.Load(layout)!.Processes.Select(p => p.Pid));

            var down = await sandbox.RunAsync("down");

            Assert.True(down.ExitCode == 0, down.ToString());
            Assert.Equal(3, down.StandardOutput.Split('\n').Count(l => l.StartsWith("stopped ", StringComparison.Ordinal)));
            Assert.All(state.Processes, p => Assert.False(p.IsRunning, $"{p.Name} (pid {p.Pid}) still runs"));
            Assert.False(File.Exists(layout.StateFile));
            // The logs stay; the service drained its prediction log on SIGTERM.
            Assert.Contains("mlops serve: stopped", File.ReadAllText(layout.Log(LocalDeployment.Service)), StringComparison.Ordinal);
            Assert.Contains("1500 rows written, 0 dropped", File.ReadAllText(layout.Log(LocalDeployment.Service)), StringComparison.Ordinal);

            var nothing = await sandbox.RunAsync("down");
            Assert.Equal(0, nothing.ExitCode);
            Assert.StartsWith("nothing is running", nothing.StandardOutput, StringComparison.Ordinal);

            // A second start finds the model in production and trains nothing.
            var restart = await sandbox.RunAsync("up", "--data", RepositoryPaths.SeedData, "--port-service", SimulationSandbox.Port(service),
                "--port-monitor", SimulationSandbox.Port(monitor), "--no-prometheus");
            Assert.True(restart.ExitCode == 0, restart.ToString());
            Assert.Contains("model in production: v1", restart.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("training", restart.StandardOutput, StringComparison.Ordinal);
            Assert.Equal([LocalDeployment.Monitor, LocalDeployment.Service], StackState.Load(layout)!.Processes.Select(p => p.Name));
        }
        finally
        {
            await sandbox.RunAsync("down");
        }

        Assert.False(File.Exists(layout.StateFile));
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_nothing_starts()
    {
        await using var sandbox = new SimulationSandbox();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var up = await sandbox.RunAsync("up", "--data", RepositoryPaths.SeedData, "--port-service", SimulationSandbox.Port(port),
            "--port-monitor", SimulationSandbox.Port(FreePort.Next()), "--no-prometheus");

        Assert.Equal(2, up.ExitCode);
        Assert.Equal($"mlops: error: port {port} is in use: stop what listens there or choose another --port-service", up.StandardError.Trim());
        Assert.False(File.Exists(new StackLayout(sandbox.Home).StateFile));
    }
}
