using Microsoft.AspNetCore.Builder;
using Mlops.Monitoring.Configuration;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

/// <summary>
/// The monitor on the real Kestrel server, bound to a free loopback port, with the seed's reference,
/// a 100-row window and an hour's period (so every report is a whole new window or asked for).
/// </summary>
public sealed class LoopbackMonitor : IAsyncLifetime, IDisposable
{
    private WebApplication? _app;
    private HttpClient? _http;

    public HttpClient Http => _http ?? throw new InvalidOperationException("the monitor has not started");

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var config = MonitorConfig.ForReference(RepositoryPaths.SeedMonth(0)) with { WindowSize = 100, CalculationPeriodSeconds = 3600 };
        _app = MonitorApp.Build(new MonitorOptions { Config = config, Urls = [$"http://127.0.0.1:{port}"] });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public void Dispose() => _http?.Dispose();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
