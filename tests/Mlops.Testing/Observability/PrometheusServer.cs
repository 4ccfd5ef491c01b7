using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Mlops.Testing.Observability;

/// <summary>
/// A real Prometheus (Debian's <c>prometheus</c>, which <c>scripts/install-test-deps.sh</c> installs) on
/// a free loopback port with its own storage folder, and its HTTP API: instant queries and the loaded
/// rules. Disposing stops it.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";

    private readonly Process _process;
    private readonly ProcessOutput _output;

    private PrometheusServer(Process process, int port)
    {
        _process = process;
        _output = ProcessOutput.Capture(process);
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Http { get; }

    public string Log => _output.Text;

    /// <summary>Starts Prometheus with <paramref name="configFile"/> (rule files beside it), storage in <paramref name="storage"/>, and waits until <c>/-/ready</c>.</summary>
    public static async Task<PrometheusServer> StartAsync(string configFile, string storage)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} is missing: scripts/install-test-deps.sh installs Debian's prometheus");
        }

        var port = FreePort.Next();
        var start = new ProcessStartInfo(Binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add($"--config.file={configFile}");
        start.ArgumentList.Add($"--storage.tsdb.path={storage}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start prometheus");
        var server = new PrometheusServer(process, port);
        try
        {
            await ProcessReadiness.WaitUntilAnswersAsync(server._process, server.Http, "-/ready", "prometheus", () => server.Log);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>An instant query: every series with its labels (the metric name under <c>__name__</c>) and value.</summary>
    public async Task<IReadOnlyList<PrometheusSample>> QueryAsync(string promQl)
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync(new Uri("api/v1/query?query=" + Uri.EscapeDataString(promQl), UriKind.Relative)));
        var data = json.RootElement.GetProperty("data");
        if (data.GetProperty("resultType").GetString() != "vector")
        {
            throw new InvalidOperationException($"{promQl}: expected an instant vector, got {data.GetProperty("resultType").GetString()}");
        }

        return [.. data.GetProperty("result").EnumerateArray().Select(r => new PrometheusSample(
            r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
            double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))];
    }

    /// <summary>Queries until <paramref name="condition"/> holds on the result (scrapes take a moment); returns that result.</summary>
    public async Task<IReadOnlyList<PrometheusSample>> WaitForAsync(string promQl, Func<IReadOnlyList<PrometheusSample>, bool> condition, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var result = await QueryAsync(promQl);
            if (condition(result))
            {
                return result;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{promQl} did not reach the expected result within {timeout.TotalSeconds:0} s; last: {string.Join("; ", result)}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>The <c>data</c> of <c>/api/v1/rules</c>: the rule groups Prometheus loaded, with their rules and health.</summary>
    public async Task<JsonElement> RulesAsync()
    {
        using var json = JsonDocument.Parse(await Http.GetStringAsync(new Uri("api/v1/rules", UriKind.Relative)));
        return json.RootElement.GetProperty("data").Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await ProcessOutput.StopAsync(_process);
    }
}
