using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Mlops.Core.Data;
using Mlops.Serving.Tests.Service;
using Mlops.Testing.Browser;
using static Microsoft.Playwright.Assertions;

namespace Mlops.Serving.Tests.Browser;

/// <summary>
/// The client page in a real browser (Debian's Chromium, headless, driven by Playwright) against a
/// real <c>mlops serve</c>: a person fills in the form, submits, and reads the answer off the page.
/// </summary>
public sealed partial class ClientPageBrowserTests
{
    [Fact]
    public async Task The_form_shows_the_models_answer_and_the_fallback_for_power_20()
    {
        using var sandbox = new ServiceSandbox();
        var folder = await TrainedModels.First();
        sandbox.Promote(sandbox.Register(folder));
        using var model = new ServedModelFacts(folder);
        var customer = model.Customers(0.6, 1.01).First();
        var expected = model.Predict(customer);
        await using var service = await sandbox.StartAsync();

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var (page, _) = await chromium.NewPageAsync(1100, 760);
        await page.GotoAsync(service.BaseAddress.ToString());
        await Expect(page.Locator("#model")).ToContainTextAsync("model v1");

        // A customer the model knows: the model answers, with its probabilities as bars.
        await FillAsync(page, customer);
        await SubmitAsync(page);
        await Expect(page.Locator("#source")).ToHaveAttributeAsync("data-source", "ML");
        await Expect(page.Locator("#risk")).ToHaveTextAsync(((RiskGroup)expected.Class).Name() + " risk");
        await Expect(page.Locator("#source")).ToHaveTextAsync("answered by the model v1");
        var shown = (await page.Locator("#p-" + ((RiskGroup)expected.Class).Name()).TextContentAsync())!;
        Assert.Equal((expected.Certainty * 100).ToString("F1", CultureInfo.InvariantCulture) + " %", shown);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ScreenshotPath("client-page-model.png"), FullPage = true });

        // The talk's example: power 20 is outside what the model saw, so the baseline answers and the page says why.
        await page.FillAsync("#power", "20");
        await Expect(page.Locator("#power-hint")).ToHaveTextAsync(OutsideHint());
        await SubmitAsync(page);
        await Expect(page.Locator("#source")).ToHaveAttributeAsync("data-source", "baseline - out of range");
        await Expect(page.Locator("#source")).ToHaveTextAsync("fallback: baseline - out of range");
        await Expect(page.Locator("#reason")).ToContainTextAsync("power 20 is outside the training range");
        var baseline = TalkCustomers.Baseline(customer with { Power = 20 });
        await Expect(page.Locator("#risk")).ToHaveTextAsync(baseline.Name() + " risk");
        Assert.Equal("100.0 %", await page.Locator("#p-" + baseline.Name()).TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ScreenshotPath("client-page-power-20.png"), FullPage = true });

        // The talk's three presets, from the insurance problem file's examples: one fills the whole form.
        Assert.Equal(["the talk's customer", "power 20", "young, 180 kW"], await page.Locator("#presets a").AllTextContentsAsync());
        await page.RunAndWaitForResponseAsync(() => page.Locator("#presets a", new() { HasTextString = "the talk's customer" }).ClickAsync(), IsPredict);
        Assert.Equal(["51", "30", "100", "10"], [await page.InputValueAsync("#age"), await page.InputValueAsync("#braking_distance"), await page.InputValueAsync("#power"), await page.InputValueAsync("#miles")]);
        await Expect(page.Locator("#training")).ToBeCheckedAsync();
        await Expect(page.Locator("#emergency_braking")).ToBeCheckedAsync();
        await Expect(page.Locator("#power-hint")).Not.ToHaveTextAsync(OutsideHint());
    }

    private static async Task FillAsync(IPage page, InsuranceFeatures customer)
    {
        await page.SetCheckedAsync("#training", customer.Training);
        await page.SetCheckedAsync("#emergency_braking", customer.EmergencyBraking);
        await page.FillAsync("#age", customer.Age.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#braking_distance", customer.BrakingDistance.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#power", customer.Power.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#miles", customer.Miles.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Clicks Predict and waits for the service's answer to arrive.</summary>
    private static Task<IResponse> SubmitAsync(IPage page) => page.RunAndWaitForResponseAsync(() => page.ClickAsync("#predict"), IsPredict);

    private static bool IsPredict(IResponse r) => r.Url.EndsWith("/predict", StringComparison.Ordinal) && r.Request.Method == "POST";

    [GeneratedRegex("^outside ")]
    private static partial Regex OutsideHint();
}
