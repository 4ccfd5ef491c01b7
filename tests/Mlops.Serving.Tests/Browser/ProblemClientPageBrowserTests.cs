using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Mlops.Core.Problems;
using Mlops.Serving.Tests.Service;
using Mlops.Testing.Browser;
using static Microsoft.Playwright.Assertions;

namespace Mlops.Serving.Tests.Browser;

/// <summary>
/// The client page of a problem that is not the talk's (Fisher's Iris, <c>examples/iris</c>, served with
/// <c>mlops serve --model DIR</c>) in Debian's Chromium: the form is the problem's, its presets are the
/// problem file's examples, and the answer is named by the class's name.
/// </summary>
public sealed class ProblemClientPageBrowserTests(ProblemServiceTests.IrisService iris) : IClassFixture<ProblemServiceTests.IrisService>
{
    [Fact]
    public async Task The_form_has_iriss_features_and_ranges_a_preset_fills_it_and_the_answer_is_the_class_name()
    {
        var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(iris.ModelFolder, "model.json"))).RootElement;
        var problem = ProblemSchemaFile.Load(Path.Combine(Testing.RepositoryPaths.Root, "examples", "iris", "iris.problem.json"));
        var versicolor = problem.Examples!.Single(e => e.Name == "row 51 (versicolor)");

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var (page, errors) = await chromium.NewPageAsync(1100, 760);
        await page.GotoAsync(iris.Service.BaseAddress.ToString());
        await Expect(page.Locator("#model")).ToContainTextAsync("model iris-model");

        // The problem's features, each with the range the model was trained on, and no insurance field.
        Assert.Equal(problem.Features.Select(f => f.Name), await page.Locator("#fields .field").EvaluateAllAsync<string[]>("fields => fields.map(f => f.dataset.feature)"));
        foreach (var feature in problem.Features)
        {
            var range = card.GetProperty("feature_ranges").GetProperty(feature.Name);
            await Expect(page.Locator($"#{feature.Name}-hint")).ToHaveTextAsync($"trained on {Shown(range.GetProperty("min").GetDouble())}–{Shown(range.GetProperty("max").GetDouble())}");
            await Expect(page.Locator($"#{feature.Name}")).ToHaveAttributeAsync("min", "0");
        }

        Assert.Equal(0, await page.Locator("#power").CountAsync());
        Assert.Equal(0, await page.Locator("#toggles input").CountAsync());

        // The problem file's examples are the presets; one fills every field and asks the service.
        Assert.Equal(problem.Examples!.Select(e => e.Name), await page.Locator("#presets a").AllTextContentsAsync());
        await page.RunAndWaitForResponseAsync(() => page.Locator("#presets a", new() { HasTextString = versicolor.Name }).ClickAsync(), IsPredict);
        foreach (var feature in problem.Features)
        {
            Assert.Equal(versicolor.Values[feature.Name].GetDouble(), double.Parse(await page.InputValueAsync($"#{feature.Name}"), CultureInfo.InvariantCulture));
        }

        var expected = await ServiceSandbox.PostAsync(iris.Service.Http, "predict", JsonSerializer.Serialize(versicolor.Values));
        Assert.True(expected.Status == HttpStatusCode.OK, expected.ToString());
        var name = expected.Json.GetProperty("class").GetString()!;
        Assert.Contains(name, problem.Label.Classes.Select(c => c.Name));
        await Expect(page.Locator("#class")).ToHaveTextAsync(name + " class");
        await Expect(page.Locator("#source")).ToHaveAttributeAsync("data-source", expected.Json.GetProperty("source").GetString()!);

        // Submitting the form after an edit: a setosa's petals.
        await page.FillAsync("#petal_length", "1.4");
        await page.FillAsync("#petal_width", "0.2");
        await page.FillAsync("#sepal_length", "5.1");
        await page.FillAsync("#sepal_width", "3.5");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#predict"), IsPredict);
        var setosa = await ServiceSandbox.PostAsync(iris.Service.Http, "predict", """{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}""");
        await Expect(page.Locator("#class")).ToHaveTextAsync(setosa.Json.GetProperty("class").GetString() + " class");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ScreenshotPath("client-page-iris.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }

    private static bool IsPredict(IResponse r) => r.Url.EndsWith("/predict", StringComparison.Ordinal) && r.Request.Method == "POST";

    /// <summary>As the page writes a bound: whole numbers as they are, others with one decimal.</summary>
    private static string Shown(double x) => x == Math.Floor(x) ? x.ToString(CultureInfo.InvariantCulture) : x.ToString("F1", CultureInfo.InvariantCulture);
}
