using System.Diagnostics;
using System.Globalization;

namespace Mlops.Testing.Services;

/// <summary>
/// A real HAProxy (Debian's <c>haproxy</c>, which <c>scripts/install-test-deps.sh</c> installs) with the
/// shipped <c>deploy/haproxy/haproxy.cfg</c>, in front of three replicas, listening on free loopback
/// ports; its status page tells which replicas the health check has in or out. Disposing stops it.
/// </summary>
public sealed class HaproxyServer : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/haproxy";

    /// <summary>The backend of the shipped configuration.</summary>
    public const string Backend = "replicas";

    private readonly Process _process;
    private readonly ProcessOutput _output;

    private HaproxyServer(Process process, int port, int statsPort)
    {
        _process = process;
        _output = ProcessOutput.Capture(process);
        Url = $"http://127.0.0.1:{port}";
        Stats = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{statsPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>Where clients connect.</summary>
    public string Url { get; }

    public HttpClient Stats { get; }

    public string Log => _output.Text;

    /// <summary>The configuration file users run too.</summary>
    public static string ConfigFile => Path.Combine(RepositoryPaths.Root, "deploy", "haproxy", "haproxy.cfg");

    /// <summary>Starts HAProxy in front of exactly three replicas (<c>host:port</c>) and waits until the health check has them all in.</summary>
    public static async Task<HaproxyServer> StartAsync(IReadOnlyList<string> replicas)
    {
        ArgumentNullException.ThrowIfNull(replicas);
        ArgumentOutOfRangeException.ThrowIfNotEqual(replicas.Count, 3);
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: scripts/install-test-deps.sh installs Debian's haproxy");
        }

        var port = FreePort.Next();
        var statsPort = FreePort.Next();
        var start = new ProcessStartInfo(Binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-db"); // foreground, log to stderr
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(ConfigFile);
        start.Environment["MLOPS_LISTEN"] = $"127.0.0.1:{port}";
        start.Environment["MLOPS_HAPROXY_STATS"] = $"127.0.0.1:{statsPort}";
        for (var i = 0; i < replicas.Count; i++)
        {
            start.Environment[$"MLOPS_REPLICA_{i + 1}"] = replicas[i];
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start haproxy");
        var server = new HaproxyServer(process, port, statsPort);
        try
        {
            await server.WaitForAsync(status => status.Count == replicas.Count && status.Values.All(s => s == "UP"), TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Each replica's state as the health check sees it: <c>UP</c>, <c>DOWN</c>, <c>UP 1/2</c> (going down), …</summary>
    public async Task<IReadOnlyDictionary<string, string>> ReplicaStatusAsync()
    {
        var csv = await Stats.GetStringAsync(new Uri("stats;csv", UriKind.Relative));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('#', ' ').Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var (proxy, server, status) = (Column("pxname"), Column("svname"), Column("status"));
        return lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[proxy] == Backend && f[server] is not ("BACKEND" or "FRONTEND"))
            .ToDictionary(f => f[server], f => f[status], StringComparer.Ordinal);
    }

    /// <summary>Polls the status page until <paramref name="condition"/> holds; returns that status.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WaitForAsync(Func<IReadOnlyDictionary<string, string>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyDictionary<string, string> status = new Dictionary<string, string>();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with {_process.ExitCode.ToString(CultureInfo.InvariantCulture)}:\n{Log}");
            }

            try
            {
                status = await ReplicaStatusAsync();
                if (condition(status))
                {
                    return status;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"haproxy: replicas not as expected within {timeout.TotalSeconds:0} s; last: {string.Join(", ", status.Select(s => $"{s.Key} {s.Value}"))}\n{Log}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stats.Dispose();
        await ProcessOutput.StopAsync(_process);
    }
}
