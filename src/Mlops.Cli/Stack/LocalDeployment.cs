using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Mlops.Core.Registry;
using Mlops.Hosting.Access;
using Spectre.Console;

namespace Mlops.Cli.Stack;

/// <summary>
/// The whole system on this machine for a person trying it out: the drift monitor, the prediction
/// service forwarding to it and, when installed, Prometheus scraping both — background processes
/// recorded in <see cref="StackLayout.StateFile"/>.
/// </summary>
public sealed class LocalDeployment(StackLayout layout, IAnsiConsole console)
{
    public const string Monitor = "monitor";
    public const string Service = "service";
    public const string Prometheus = "prometheus";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    public StackLayout Layout => layout;

    /// <summary>The running stack's state, or null when nothing was started (or everything has exited: the stale file is removed).</summary>
    public StackState? Running()
    {
        var state = StackState.Load(layout);
        if (state is null)
        {
            return null;
        }

        if (state.Processes.Any(p => p.IsRunning))
        {
            return state;
        }

        File.Delete(layout.StateFile);
        return null;
    }

    /// <summary>Starts everything; on any failure stops what was started and throws.</summary>
    public async Task<StackState> StartAsync(StackPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        CheckPortsFree(plan);
        Directory.CreateDirectory(layout.RunFolder);
        // The registry the started service will follow: MLOPS_REGISTRY (inherited by the service) or the SQLite one in the home.
        var registry = ModelRegistry.Open(RegistryLocation.In(layout.Home));
        ProductionModelBootstrap.EnsureProduction(registry, plan.Reference, layout.RunFolder, console);

        // The monitor estimates the production model's accuracy on each window (--model production), so
        // the dashboard shows the estimate beside the drift; the model is in production by now.
        // State changes (rows into the monitor) need this token; the service's forwarder and `mlops simulate` read it from here.
        ApiToken.CreateFile(layout.TokenFile);

        var state = new StackState(DateTimeOffset.UtcNow, layout.Home, plan.DataFolder, []);
        try
        {
            state = await StartOneAsync(state, Monitor, "the drift monitor", Mlops("monitor", "--port", Port(plan.MonitorPort), "--reference", plan.Reference, "--model", "production", "--token-file", layout.TokenFile),
                ["monitor", Port(plan.MonitorPort)], Url(plan.MonitorPort), Url(plan.MonitorPort) + "/ping", cancellationToken);
            state = await StartOneAsync(state, Service, "the prediction service", Mlops("serve", "--port", Port(plan.ServicePort), "--monitor", $"http://127.0.0.1:{plan.MonitorPort}", "--token-file", layout.TokenFile),
                ["serve", Port(plan.ServicePort)], Url(plan.ServicePort), Url(plan.ServicePort) + "/ping", cancellationToken);
            if (plan.PrometheusBinary is not null && plan.PrometheusTemplates is not null)
            {
                var config = NativePrometheusConfig.Render(plan.PrometheusTemplates, layout.PrometheusFolder, $"127.0.0.1:{plan.ServicePort}", $"127.0.0.1:{plan.MonitorPort}");
                var listen = $"--web.listen-address=127.0.0.1:{plan.PrometheusPort}";
                state = await StartOneAsync(state, Prometheus, "Prometheus",
                    [plan.PrometheusBinary, $"--config.file={config}", $"--storage.tsdb.path={layout.PrometheusStorage}", listen],
                    [listen], Url(plan.PrometheusPort), Url(plan.PrometheusPort) + "/-/ready", cancellationToken);
            }

            return state;
        }
        catch
        {
            // The state file, not the local state: it already holds the process whose start failed.
            await StopAsync(StackState.Load(layout) ?? state, quiet: true);
            throw;
        }
    }

    /// <summary>Stops the processes, last started first (Prometheus, then the service so it drains into the monitor, then the monitor), and removes the state file.</summary>
    public async Task StopAsync(StackState state, bool quiet = false)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var process in state.Processes.Reverse())
        {
            if (!process.IsRunning)
            {
                if (!quiet)
                {
                    console.MarkupLineInterpolated($"{process.Title} (pid {process.Pid}) had already stopped");
                }

                continue;
            }

            var clean = await BackgroundProcess.StopAsync(process.Pid, process.Identity, TimeSpan.FromSeconds(30));
            if (quiet)
            {
                continue;
            }

            if (clean)
            {
                console.MarkupLineInterpolated($"stopped {process.Title} (pid {process.Pid})");
            }
            else
            {
                console.MarkupLineInterpolated($"[yellow]killed[/] {process.Title} (pid {process.Pid}): it did not stop within 30 s of SIGTERM");
            }
        }

        if (File.Exists(layout.StateFile))
        {
            File.Delete(layout.StateFile);
        }
    }

    private async Task<StackState> StartOneAsync(
        StackState state, string name, string title, IReadOnlyList<string> command, IReadOnlyList<string> identity, string url, string readyUrl, CancellationToken cancellationToken)
    {
        var log = layout.Log(name);
        File.AppendAllText(log, $"--- mlops up {DateTimeOffset.UtcNow:O}: {string.Join(' ', command)}{Environment.NewLine}");
        var stopwatch = Stopwatch.StartNew();
        var pid = BackgroundProcess.Start(command, log, new Dictionary<string, string>
        {
            [RegistryHome.EnvironmentVariable] = layout.Home,
            ["NO_COLOR"] = "1",
            ["TERM"] = "dumb",
        });
        var process = new StackProcess(name, title, pid, url, readyUrl, log, identity);
        state = state.With(process);
        state.Save(layout); // At once: a later failure or Ctrl-C must not leave an unknown process behind.
        console.MarkupInterpolated($"starting {title} on {url} (pid {pid}) ... ");
        await WaitUntilReadyAsync(process, cancellationToken);
        console.MarkupLineInterpolated($"[green]ready[/] ({stopwatch.Elapsed.TotalSeconds:F1} s)");
        return state;
    }

    private static async Task WaitUntilReadyAsync(StackProcess process, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!process.IsRunning)
            {
                throw new StackStartException($"{process.Title} exited during start-up: {LastLine(process.Log)} (log: {process.Log})");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(process.ReadyUrl), cancellationToken);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new StackStartException($"{process.Title} did not answer {process.ReadyUrl} within {StartTimeout.TotalSeconds:0} s (log: {process.Log})");
    }

    private static void CheckPortsFree(StackPlan plan)
    {
        var ports = new List<(int Port, string Option)> { (plan.ServicePort, "--port-service"), (plan.MonitorPort, "--port-monitor") };
        if (plan.PrometheusBinary is not null)
        {
            ports.Add((plan.PrometheusPort, "--port-prometheus"));
        }

        foreach (var (port, option) in ports)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
            }
            catch (SocketException)
            {
                throw new StackStartException($"port {port} is in use: stop what listens there or choose another {option}");
            }
        }
    }

    private static string LastLine(string log)
    {
        var lines = File.Exists(log) ? File.ReadAllLines(log).Where(l => l.Length > 0 && !l.StartsWith("--- mlops up", StringComparison.Ordinal)).ToList() : [];
        return lines.Count == 0 ? "(no output)" : lines[^1].Trim();
    }

    /// <summary>This very CLI with other arguments: <c>dotnet mlops.dll …</c>, or the apphost.</summary>
    private static string[] Mlops(params string[] arguments)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? [host, typeof(LocalDeployment).Assembly.Location, .. arguments]
            : [host, .. arguments];
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static string Url(int port) => $"http://localhost:{port}";
}
