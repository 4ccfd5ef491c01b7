using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Labels;

/// <summary><c>mlops labels add</c>: a good file is stored and reported; a bad one is refused naming line and column, and nothing of it is stored.</summary>
public sealed class LabelsAddCommandTests
{
    [Fact]
    public async Task A_label_file_joins_the_log_by_request_id_and_a_second_run_stores_nothing_new()
    {
        using var home = new TemporaryDirectory();
        var rows = await LogAsync(home, 3);
        var file = home.File("labels.csv");
        File.WriteAllLines(file, ["request_id;group_name", "c0;high", "c1;low", "c2;medium", "stranger;low"]);

        var first = await RunAsync(home, "labels", "add", file, "--key", "request_id", "--label", "group_name", "--json");
        var again = await RunAsync(home, "labels", "add", file, "--key", "request_id", "--label", "group_name");

        Assert.True(first.ExitCode == 0, first.ToString());
        using var report = JsonDocument.Parse(first.StandardOutput);
        Assert.Equal(3, report.RootElement.GetProperty("stored").GetInt32());
        Assert.Equal(1, report.RootElement.GetProperty("unknown").GetInt32());
        Assert.Equal("stranger", report.RootElement.GetProperty("unknown_examples")[0].GetString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("0 predictions labeled, 3 already known", again.StandardOutput, StringComparison.Ordinal);
        await using var log = SqlitePredictionLog.Open(home.File("predictions.db"));
        var labels = await log.Labels.ReadAllAsync();
        Assert.Equal([RiskGroup.High, RiskGroup.Low, RiskGroup.Medium], rows.Select(r => (RiskGroup)labels[r.PredictionId]));
    }

    [Fact]
    public async Task A_different_label_for_a_labeled_prediction_is_a_conflict_exit_1()
    {
        using var home = new TemporaryDirectory();
        var rows = await LogAsync(home, 1);
        var file = home.File("labels.csv");
        File.WriteAllLines(file, ["prediction_id,group", $"{rows[0].PredictionId},0"]);
        Assert.Equal(0, (await RunAsync(home, "labels", "add", file)).ExitCode);
        File.WriteAllLines(file, ["prediction_id,group", $"{rows[0].PredictionId},2"]);

        var conflict = await RunAsync(home, "labels", "add", file);

        Assert.Equal(1, conflict.ExitCode);
        Assert.Contains($"1 conflicts", conflict.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(rows[0].PredictionId.ToString(), conflict.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("request_id;other\nc0;1", "labels.csv:1: column 'group': missing from the header")]
    [InlineData("group;age\n1;30", "labels.csv:1: column 'request_id': missing from the header")]
    [InlineData("request_id;group\nc0;1\nc1;very high", "labels.csv:3: column 'group': unknown class 'very high'")]
    [InlineData("request_id;group\nc0;1\nc1;2;7", "labels.csv:3: has 3 columns, the header 2")]
    public async Task A_bad_label_file_exits_2_naming_line_and_column_and_stores_nothing(string content, string expected)
    {
        using var home = new TemporaryDirectory();
        await LogAsync(home, 2);
        var file = home.File("labels.csv");
        File.WriteAllText(file, content);

        var run = await RunAsync(home, "labels", "add", file, "--key", "request_id");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
        await using var log = SqlitePredictionLog.Open(home.File("predictions.db"));
        Assert.Empty(await log.Labels.ReadAllAsync());
    }

    [Fact]
    public async Task Without_problem_the_labels_name_the_classes_of_the_production_models_problem()
    {
        using var home = new TemporaryDirectory();
        var iris = Path.Combine(RepositoryPaths.Root, "examples", "iris");
        var problem = ProblemSchemaFile.Load(Path.Combine(iris, "iris.problem.json"));
        await using (var log = SqlitePredictionLog.Open(home.File("predictions.db"), columns: PredictionLogColumns.For(problem)))
        {
            await log.AppendAsync([LoggedPrediction.Of(DateTimeOffset.UtcNow, "v1", "ml", new ClassPrediction(2, [0.01, 0.09, 0.9]), [6.7, 3.0, 5.6, 2.2], requestId: "f1")]);
        }

        var file = home.File("labels.csv");
        File.WriteAllLines(file, ["request_id,species", "f1,virginica"]);

        // No iris model in production yet: the talk's classes, which 'virginica' is not.
        var before = await RunAsync(home, "labels", "add", file, "--key", "request_id", "--label", "species");
        Assert.Equal(2, before.ExitCode);
        Assert.Contains("unknown class 'virginica'", before.StandardError, StringComparison.Ordinal);

        foreach (var step in new[]
        {
            new[] { "train", "--problem", Path.Combine(iris, "iris.problem.json"), "-d", Path.Combine(iris, "reference.csv"), "-m", home.File("iris-model"), "--trainer", "maxent", "--register" },
            ["validate", "-d", Path.Combine(iris, "reference.csv"), "-m", home.File("iris-model"), "--spec", Path.Combine(iris, "invariants.json")],
            ["registry", "promote", "v1"],
        })
        {
            var run = await RunAsync(home, step);
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var after = await RunAsync(home, "labels", "add", file, "--key", "request_id", "--label", "species", "--json");

        Assert.True(after.ExitCode == 0, after.ToString());
        using var report = JsonDocument.Parse(after.StandardOutput);
        Assert.Equal(1, report.RootElement.GetProperty("stored").GetInt32());
    }

    /// <summary>A prediction log in <c>MLOPS_HOME</c> with <paramref name="count"/> answers under the client keys c0, c1, ….</summary>
    private static async Task<LoggedPrediction[]> LogAsync(TemporaryDirectory home, int count)
    {
        var rows = Enumerable.Range(0, count).Select(i => LoggedPrediction.Of(
            DateTimeOffset.UtcNow, "v1", "ml", new ClassPrediction((int)RiskGroup.Low, InsuranceVectors.Certain((int)RiskGroup.Low)), InsuranceVectors.Customer(false, 30, true, 40, 100, i), requestId: $"c{i}")).ToArray();
        await using var log = SqlitePredictionLog.Open(home.File("predictions.db"));
        await log.AppendAsync(rows);
        return rows;
    }

    private static Task<ProcessResult> RunAsync(TemporaryDirectory home, params string[] args) =>
        CliProcess.RunAsync(args, workingDirectory: home.Path, environment: new Dictionary<string, string> { ["MLOPS_HOME"] = home.Path });
}
