using System.Text.Json;
using Mlops.Cli.Tests.Model;
using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Analysis;

public sealed class AnalyzeCommandTests(TrainedClassifierFixture classifier) : IClassFixture<TrainedClassifierFixture>
{
    [Fact]
    public async Task At_month_30_the_report_uses_months_up_to_30_and_labels_up_to_month_6()
    {
        using var temp = new TemporaryDirectory("mlops-analyze");
        var report = temp.File("out/report.html");
        var result = await CliProcess.RunAsync(
            ["analyze", "-r", RepositoryPaths.SeedMonth(0), "-c", RepositoryPaths.SeedData, "--model", classifier.Directory, "--at-month", "30", "--out", report, "--json"],
            temp.Path,
            new Dictionary<string, string> { [RegistryHome.EnvironmentVariable] = temp.File("no-registry") });

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(Enumerable.Range(1, 30), root.GetProperty("months").EnumerateArray().Select(m => m.GetInt32()));
        Assert.Equal(Enumerable.Range(1, 6), root.GetProperty("labeled_months").EnumerateArray().Select(m => m.GetInt32()));
        Assert.Equal(classifier.Directory, root.GetProperty("model").GetString());
        var month6 = root.GetProperty("performance").EnumerateArray().Single(p => p.GetProperty("month").GetInt32() == 6);
        Assert.True(month6.GetProperty("labels_available").GetBoolean());
        var month7 = root.GetProperty("performance").EnumerateArray().Single(p => p.GetProperty("month").GetInt32() == 7);
        Assert.False(month7.TryGetProperty("realised_accuracy", out _));
        Assert.True(month7.GetProperty("estimated_accuracy").GetDouble() > 0.8);

        var html = await File.ReadAllTextAsync(report);
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.Contains("seen at month 30", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_model_argument_the_registrys_production_model_is_analysed()
    {
        using var sandbox = new RetrainSandbox(classifier.Directory);
        var result = await sandbox.RunAsync("analyze", "-r", RepositoryPaths.SeedMonth(0), "-c", RepositoryPaths.SeedMonth(1), RepositoryPaths.SeedMonth(12), "--out", "report.html");

        Assert.True(result.ExitCode == 0, result.StandardError);
        var text = System.Text.RegularExpressions.Regex.Replace(result.StandardOutput, @"\s+", " ");
        Assert.Contains("model: v1 (production)", text, StringComparison.Ordinal);
        Assert.Contains("against months 1, 12 at month 12", text, StringComparison.Ordinal);
        Assert.Contains("no ground truth has arrived by month 12", text, StringComparison.Ordinal);
        Assert.True(File.Exists(sandbox.Path("report.html")));
    }

    [Fact]
    public async Task With_no_model_and_no_registry_the_analysis_says_what_it_skips()
    {
        using var temp = new TemporaryDirectory("mlops-analyze");
        var result = await CliProcess.RunAsync(
            ["analyze", "-r", RepositoryPaths.SeedMonth(0), "-c", RepositoryPaths.SeedMonth(36), "--json"],
            temp.Path,
            new Dictionary<string, string> { [RegistryHome.EnvironmentVariable] = temp.File("no-registry") });

        Assert.True(result.ExitCode == 0, result.StandardError);
        using var json = JsonDocument.Parse(result.StandardOutput);
        Assert.False(json.RootElement.TryGetProperty("model", out _));
        Assert.Empty(json.RootElement.GetProperty("performance").EnumerateArray());
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("no model given", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("reference.csv", "cannot place this file in time")]
    [InlineData("month-99.csv", "file not found")]
    public async Task A_file_that_is_not_a_month_or_missing_is_bad_input(string current, string message)
    {
        var result = await CliProcess.RunAsync("analyze", "-r", RepositoryPaths.SeedMonth(0), "-c", RepositoryPaths.SeedFile(current), "--json");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mlops: error:", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_out_or_json_there_is_nothing_to_write_and_it_says_so()
    {
        var result = await CliProcess.RunAsync("analyze", "-r", RepositoryPaths.SeedMonth(0), "-c", RepositoryPaths.SeedMonth(1));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out FILE is required", result.StandardError, StringComparison.Ordinal);
    }
}
