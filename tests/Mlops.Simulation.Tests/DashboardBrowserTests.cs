using System.Text.Json;
using Microsoft.Playwright;
using Mlops.Core.Data;
using Mlops.Testing.Browser;
using static Microsoft.Playwright.Assertions;

namespace Mlops.Simulation.Tests;

/// <summary>
/// The monitor's built-in dashboard in a real browser (Debian's Chromium, headless) while a replay
/// runs through the real service: the charts show the monitor's history and follow it live.
/// </summary>
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task The_dashboard_draws_drift_per_feature_the_drift_timeline_and_the_fallback_rate_and_follows_a_replay()
    {
        await using var sandbox = new SimulationSandbox();
        var monitor = await sandbox.StartMonitorAsync();
        var service = await sandbox.StartServiceAsync("--monitor", monitor.Url);
        SimulationOutput.Of(await sandbox.SimulateAsync("--service", service.Url, "--monitor", monitor.Url, "--months", "1-3", "--json"));

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var (page, errors) = await chromium.NewPageAsync(1280, 1500);
        await page.GotoAsync($"{monitor.Url}/dashboard?refresh=0.5");

        await Expect(page.Locator("#report-count")).ToHaveTextAsync("3");
        await AssertShowsHistoryAsync(page, monitor, reports: 3);
        // Month 3: miles drifted (months 2 and 3), the dataset did not.
        await Expect(page.Locator("#dataset-drift")).ToHaveTextAsync("no drift");
        await Expect(page.Locator("#drifted")).ToHaveTextAsync("1 of 6: miles");
        await Expect(page.Locator(".chart[data-feature=miles] circle.point.drifted")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ScreenshotPath("dashboard-3-months.png"), FullPage = true });

        // The replay goes on while the page is open: the page catches up by itself.
        var later = SimulationOutput.Of(await sandbox.SimulateAsync("--service", service.Url, "--monitor", monitor.Url, "--months", "4-12", "--json"));
        await Expect(page.Locator("#report-count")).ToHaveTextAsync("12");
        await AssertShowsHistoryAsync(page, monitor, reports: 12);
        // Month 11 is the first with dataset drift, month 12 has none (as offline).
        await Expect(page.Locator("#dataset-drift-timeline rect.report[data-drift='1']")).ToHaveCountAsync(1);
        Assert.Equal("1", await page.Locator("#dataset-drift-timeline rect.report").Nth(10).GetAttributeAsync("data-drift"));
        await Expect(page.Locator("#dataset-drift")).ToHaveTextAsync(SimulationOutput.DatasetDrift(later.Month(12)) ? "drift" : "no drift");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ScreenshotPath("dashboard-12-months.png"), FullPage = true });

        Assert.Empty(errors);
    }

    /// <summary>One timeline cell, one point per feature chart and one fallback point per report, as the monitor's history has them.</summary>
    private static async Task AssertShowsHistoryAsync(IPage page, ServiceProcess monitor, int reports)
    {
        using var status = JsonDocument.Parse(await monitor.Http.GetStringAsync(new Uri("datasets/insurance/drift", UriKind.Relative)));
        var history = status.RootElement.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(reports, history.Count);

        var cells = page.Locator("#dataset-drift-timeline rect.report");
        await Expect(cells).ToHaveCountAsync(reports);
        for (var i = 0; i < reports; i++)
        {
            var drifted = history[i].GetProperty("report").GetProperty("dataset_drift").GetBoolean();
            Assert.Equal(drifted ? "1" : "0", await cells.Nth(i).GetAttributeAsync("data-drift"));
        }

        // The six features under the seed reference's names, and the prediction (the service forwards its answers).
        var charts = page.Locator("#features .chart");
        await Expect(charts).ToHaveCountAsync(7);
        var shown = await charts.EvaluateAllAsync<string[]>("charts => charts.map(c => c.dataset.feature)");
        string[] features = [.. Feature.All.Select(f => SimulationOutput.InSeedSpelling(f.Name))];
        Assert.Equal([.. features, "prediction"], shown);
        foreach (var feature in features)
        {
            await Expect(page.Locator($".chart[data-feature={feature}] circle.point")).ToHaveCountAsync(reports);
        }

        await Expect(page.Locator("#fallback-line circle.point")).ToHaveCountAsync(reports);
    }
}
