using System.Net;
using System.Text.RegularExpressions;
using Mlops.Monitoring.Configuration;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

/// <summary>The built-in dashboard is one self-contained page: served as HTML, loading nothing from anywhere else.</summary>
public sealed partial class DashboardPageTests
{
    [Fact]
    public async Task The_dashboard_is_html_that_loads_nothing_from_elsewhere()
    {
        var port = FreePort.Next();
        await using var app = MonitorApp.Build(new MonitorOptions
        {
            Config = MonitorConfig.ForReference(RepositoryPaths.SeedMonth(0)),
            Urls = [$"http://127.0.0.1:{port}"],
        });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        using var response = await http.GetAsync(new Uri("/dashboard", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        await app.StopAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        // No script, style, image or font from a URL: everything is inline, the data comes from this monitor.
        Assert.Empty(ExternalReferences().Matches(html));
        Assert.Contains("datasets/${encodeURIComponent(dataset)}/drift?history=", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?https?:""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReferences();
}
