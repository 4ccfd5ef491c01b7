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

    [Fact]
    public async Task Drift_of_two_iris_files_through_the_problem_names_iris_columns_and_compares_the_prediction_with_the_labels()
    {
        using var dir = new TemporaryDirectory();
        var iris = Path.Combine(RepositoryPaths.Root, "examples", "iris");
        var lines = File.ReadAllLines(Path.Combine(iris, "iris.csv"));
        // The current file: the virginica flowers only, ';'-separated, with the model's answers as a prediction column.
        File.WriteAllLines(dir.File("virginica.csv"), [
            "sepal_length;sepal_width;petal_length;petal_width;prediction",
            .. lines.Skip(1).Where(l => l.EndsWith(",virginica", StringComparison.Ordinal)).Select(l => string.Join(';', l.Split(',')[..4]) + ";virginica"),
        ]);

        var result = await CliProcess.RunAsync("drift", "--problem", Path.Combine(iris, "iris.problem.json"), "--reference", Path.Combine(iris, "iris.csv"), "--current", dir.File("virginica.csv"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.StandardOutput);
        var report = json.RootElement.GetProperty("report");
        Assert.Equal(["sepal_length", "sepal_width", "petal_length", "petal_width"], report.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("column").GetString()));
        Assert.Equal(150, report.GetProperty("reference_rows").GetInt32());
        Assert.Equal(50, report.GetProperty("current_rows").GetInt32());
        Assert.True(report.GetProperty("dataset_drift").GetBoolean());
        var prediction = report.GetProperty("prediction_drift");
        Assert.Equal("prediction", prediction.GetProperty("column").GetString());
        Assert.True(prediction.GetProperty("drifted").GetBoolean());
    }
}
