using System.Text.Json;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Monitoring;

public sealed class DriftCommandTests
{
    [Fact]
    public async Task Json_report_of_month_36_shows_dataset_drift()
    {
        var result = await CliProcess.RunAsync("drift", "--reference", RepositoryPaths.SeedMonth(0), "--current", RepositoryPaths.SeedMonth(36), "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var report = json.RootElement.GetProperty("report");
        Assert.True(report.GetProperty("dataset_drift").GetBoolean());
        Assert.Equal(6, report.GetProperty("columns").GetArrayLength());
        var miles = report.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "miles");
        Assert.Equal("wasserstein", miles.GetProperty("stat_test").GetString());
        Assert.True(miles.GetProperty("drifted").GetBoolean());
    }

    [Fact]
    public async Task Table_names_every_column_and_the_verdict()
    {
        var result = await CliProcess.RunAsync("drift", "-r", RepositoryPaths.SeedMonth(0), "-c", RepositoryPaths.SeedMonth(1));
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("emergency_braking", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("no dataset drift", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_exits_2_with_one_line()
    {
        using var dir = new TemporaryDirectory();
        File.WriteAllText(dir.File("bad.csv"), "training;age;emergency_braking;braking_distance;power;miles\n0;30;1;40;100;12\n1;31;0;41;101;x\n");
        var result = await CliProcess.RunAsync("drift", "-r", RepositoryPaths.SeedMonth(0), "-c", dir.File("bad.csv"));
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mlops: error:", result.StandardError.Trim(), StringComparison.Ordinal);
        Assert.Contains("bad.csv:3: column 'miles': 'x' is not a number", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);

        var missing = await CliProcess.RunAsync("drift", "-r", RepositoryPaths.SeedMonth(0), "-c", dir.File("none.csv"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("file not found", missing.StandardError, StringComparison.Ordinal);
    }
}
