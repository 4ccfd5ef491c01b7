using Microsoft.AspNetCore.Builder;
using Mlops.Monitoring.Configuration;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

/// <summary>The monitor in this process on the real Kestrel server, with options a test chooses (token, limits, address).</summary>
public sealed class MonitorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MonitorHost(WebApplication app, string address, int port)
    {
        _app = app;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://{address}:{port}") };
    }

    public int Port { get; }

    public HttpClient Http { get; }

    /// <summary>The seed's reference, a 100-row window and an hour's period, on <paramref name="address"/> (loopback by default).</summary>
    public static async Task<MonitorHost> StartAsync(Func<MonitorOptions, MonitorOptions>? configure = null, string address = "127.0.0.1")
    {
        var port = FreePort.Next();
        var config = MonitorConfig.ForReference(RepositoryPaths.SeedMonth(0)) with { WindowSize = 100, CalculationPeriodSeconds = 3600 };
        var options = new MonitorOptions { Config = config, Urls = [$"http://{address}:{port}"] };
        var app = MonitorApp.Build(configure is null ? options : configure(options));
        await app.StartAsync();
        return new MonitorHost(app, address, port);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
