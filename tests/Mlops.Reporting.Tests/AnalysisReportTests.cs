using System.Text.RegularExpressions;

namespace Mlops.Reporting.Tests;

[Collection(SeedReportGroup.Name)]
public sealed partial class AnalysisReportTests(SeedReportFixture seed)
{
    [Fact]
    public void The_report_is_self_contained_no_script_no_link_to_anything_outside()
    {
        Assert.DoesNotContain("<script", seed.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(ExternalReference(), seed.Html);
        var sources = ImageSource().Matches(seed.Html).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(SeedReportFixture.ChartsWithModel, sources.Length);
        Assert.All(sources, s => Assert.StartsWith("data:image/png;base64,", s, StringComparison.Ordinal));

        // Every chart is a real PNG.
        Assert.All(sources, s =>
        {
            var bytes = Convert.FromBase64String(s["data:image/png;base64,".Length..]);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        });
    }

    [Fact]
    public void The_report_carries_the_computed_interpretation_and_tables()
    {
        foreach (var observation in seed.WithModel.Observations)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(observation.Text), seed.Html, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"performance-table\"", seed.Html, StringComparison.Ordinal);
        Assert.Contains("month 60 (not yet)", seed.Html, StringComparison.Ordinal);
        Assert.Contains("id=\"histogram-miles\"", seed.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_model_the_report_says_so_and_draws_no_prediction_charts()
    {
        var html = AnalysisReport.Render(seed.WithoutModel);
        Assert.Contains("No model was given", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"certainty\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"accuracy\"", html, StringComparison.Ordinal);
        Assert.Equal(13, ImageSource().Count(html));
    }

    [GeneratedRegex("""(src|href)\s*=\s*["']?(https?:|//)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [GeneratedRegex("""<img [^>]*src="([^"]+)""")]
    private static partial Regex ImageSource();
}
