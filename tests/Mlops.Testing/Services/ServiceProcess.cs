using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Mlops.Testing.Services;

/// <summary>
/// A real <c>mlops serve</c> or <c>mlops monitor</c> child process on a free loopback port. Collects
/// what it prints; stopping sends SIGTERM (what Ctrl-C and container runtimes do) and waits.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputLock = new();

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    /// <summary>The base address without the trailing slash, as a command-line option takes it: <c>http://127.0.0.1:PORT</c>.</summary>
    public string Url => BaseAddress.AbsoluteUri.TrimEnd('/');

    /// <summary><c>127.0.0.1:PORT</c>, a Prometheus scrape target.</summary>
    public string Target => $"127.0.0.1:{Port}";

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_outputLock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Waits until the process has printed <paramref name="text"/>: its log lines are written by a
    /// background logger, so a line can follow the effect it reports (a metric, an answer) by a moment.
    /// </summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Starts <c>mlops serve --port P args…</c> with its own <c>MLOPS_HOME</c> and waits until <c>/ping</c> answers.</summary>
    public static Task<ServiceProcess> StartAsync(string mlopsHome, params string[] args) =>
        StartAsync("serve", mlopsHome, args);

    /// <summary>Starts <c>mlops monitor --port P args…</c> (give it <c>--reference FILE</c> or <c>--config FILE</c>) and waits until <c>/ping</c> answers.</summary>
    public static Task<ServiceProcess> StartMonitorAsync(params string[] args) =>
        StartAsync("monitor", mlopsHome: null, args);

    /// <summary>
    /// Starts <c>mlops VERB --port P args…</c> with these environment variables (say a Kubernetes pod's,
    /// moved to this machine) and waits until <c>/ping</c> answers.
    /// </summary>
    public static Task<ServiceProcess> StartAsync(string verb, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartProcessAsync(verb, environment, args);

    /// <summary>
    /// Starts <c>mlops VERB --port P args…</c> in <paramref name="workingDirectory"/> (relative paths in the
    /// arguments are the user's, as in a shell there) with these environment variables, and waits until <c>/ping</c> answers.
    /// </summary>
    public static Task<ServiceProcess> StartInAsync(string workingDirectory, string verb, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartProcessAsync(verb, environment, args, workingDirectory);

    /// <summary>Sends SIGTERM (a clean stop, as Ctrl-C) and waits for the exit code.</summary>
    public async Task<int> StopAsync(string signal = "TERM")
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Task<ServiceProcess> StartAsync(string verb, string? mlopsHome, string[] args) =>
        StartProcessAsync(verb, mlopsHome is null ? null : new Dictionary<string, string> { ["MLOPS_HOME"] = mlopsHome }, args);

    private static async Task<ServiceProcess> StartProcessAsync(string verb, IReadOnlyDictionary<string, string>? environment, string[] args, string? workingDirectory = null)
    {
        var port = FreePort.Next();
        var start = CliProcess.StartInfo([verb, "--port", port.ToString(CultureInfo.InvariantCulture), .. args], workingDirectory, environment);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start mlops {verb}");
        var service = new ServiceProcess(process, port);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ProcessReadiness.WaitUntilAnswersAsync(service._process, service.Http, "ping", $"mlops {verb}", () => service.Output);
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output.AppendLine(line);
        }
    }
}
