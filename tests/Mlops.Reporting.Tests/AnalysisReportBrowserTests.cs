using Microsoft.Playwright;
using Mlops.Testing;
using Mlops.Testing.Browser;

namespace Mlops.Reporting.Tests;

/// <summary>The report as a person sees it: opened from disk in headless Chromium, without network.</summary>
[Collection(SeedReportGroup.Name)]
public sealed class AnalysisReportBrowserTests(SeedReportFixture seed)
{
    [Fact]
    public async Task The_report_opens_in_chromium_without_errors_and_every_chart_is_decoded()
    {
        using var temp = new TemporaryDirectory("mlops-report");
        var file = temp.File("report.html");
        AnalysisReport.Write(seed.WithModel, file);

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var (page, errors) = await chromium.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(new Uri(file).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        Assert.Equal("Drift is obvious — but is it a problem?", await page.Locator("h1").TextContentAsync());
        var images = await page.EvaluateAsync<ImageState[]>(
            "() => Array.from(document.images).map(i => ({ id: i.id, complete: i.complete, width: i.naturalWidth, height: i.naturalHeight }))");
        Assert.Equal(SeedReportFixture.ChartsWithModel, images.Length);
        Assert.All(images, i => Assert.True(i.Complete && i.Width > 300 && i.Height > 200, $"{i.Id}: {i.Width}×{i.Height}, complete {i.Complete}"));
        Assert.Equal(seed.WithModel.Observations.Count, await page.Locator("#observations li").CountAsync());
        Assert.Empty(errors);

        // Only the file itself (and its inline images) is loaded: nothing from a network.
        Assert.All(requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));

        var screenshot = HeadlessChromium.ScreenshotPath("analysis-report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 50_000);
        await page.Locator("#accuracy").ScreenshotAsync(new LocatorScreenshotOptions { Path = HeadlessChromium.ScreenshotPath("analysis-accuracy.png") });
    }

    /// <summary>Filled by Playwright, which needs a parameterless constructor and setters.</summary>
    private sealed class ImageState
    {
        public string Id { get; set; } = "";

        public bool Complete { get; set; }

        public int Width { get; set; }

        public int Height { get; set; }
    }
}
