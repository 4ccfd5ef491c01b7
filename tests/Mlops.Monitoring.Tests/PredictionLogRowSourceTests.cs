using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Monitoring.Configuration;
using Mlops.Monitoring.Ingestion;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

/// <summary>The follower of the serving prediction log, on a real SQLite log written while it runs.</summary>
public sealed class PredictionLogRowSourceTests
{
    [Fact]
    public async Task Rows_appended_after_the_start_reach_the_window_with_prediction_and_fallback_in_log_order()
    {
        using var folder = new TemporaryDirectory();
        await using var log = SqlitePredictionLog.Open(folder.File("predictions.db"));
        var customers = SeedCustomers(1);
        // Written before the monitor started: not this window's business.
        await log.AppendAsync([.. customers.Take(50).Select((c, i) => Logged(c, i))]);
        var monitor = new DriftMonitor(MonitorConfig.ForReference(RepositoryPaths.SeedMonth(0)) with { WindowSize = 100, CalculationPeriodSeconds = 3600 });
        var source = new PredictionLogRowSource(log, "insurance", pollInterval: TimeSpan.FromMilliseconds(20), pageSize: 64);
        using var stop = new CancellationTokenSource();
        var following = source.RunAsync(monitor, stop.Token);
        await WaitAsync(() => source.Position == 50);

        // 150 new answers in three batches, as the service's log writer commits them; every 5th by the fallback.
        var answered = customers.Skip(50).Take(150).ToList();
        for (var batch = 0; batch < 3; batch++)
        {
            await log.AppendAsync([.. answered.Skip(batch * 50).Take(50).Select((c, i) => Logged(c, (batch * 50) + i))]);
        }

        await WaitAsync(() => source.RowsFed == 150);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following);

        var dataset = monitor.Find("insurance")!;
        Assert.Equal(150, dataset.Status().Window.RowsReceived);
        Assert.Equal(200, source.Position);
        // The window holds the last 100 new answers (index 50 … 149): 20 of them by the fallback.
        var report = dataset.CalculateNow()!;
        Assert.Equal(150, report.RowsReceived);
        Assert.Equal(0.2, report.FallbackRate!.Value, 12);
        Assert.Equal(100, report.RowsWithSource);
        Assert.NotNull(report.Report.PredictionDrift);
    }

    [Fact]
    public async Task The_log_of_another_problem_feeds_its_dataset_under_its_feature_names()
    {
        using var folder = new TemporaryDirectory();
        var iris = Path.Combine(RepositoryPaths.Root, "examples", "iris");
        var problem = ProblemSchemaFile.Load(Path.Combine(iris, "iris.problem.json"));
        var columns = PredictionLogColumns.For(problem);
        await using var log = SqlitePredictionLog.Open(folder.File("predictions.db"), columns: columns);
        var monitor = new DriftMonitor(MonitorConfig.ForReference(Path.Combine(iris, "iris.csv"), problem) with { WindowSize = 20, CalculationPeriodSeconds = 3600 });
        var source = new PredictionLogRowSource(log, "iris", pollInterval: TimeSpan.FromMilliseconds(20), columns: columns);
        using var stop = new CancellationTokenSource();
        var following = source.RunAsync(monitor, stop.Token);
        await WaitAsync(() => source.Position >= 0);

        // Twenty virginica-sized flowers, answered "virginica" (class 2) by the model.
        await log.AppendAsync([.. Enumerable.Range(0, 20).Select(i => LoggedPrediction.Of(
            DateTimeOffset.UnixEpoch.AddMinutes(i), "iris-model", "ml", new ClassPrediction(2, [0.05, 0.05, 0.9]), [6.3 + (i * 0.01), 3.3, 6.0, 2.5]))]);
        await WaitAsync(() => source.RowsFed == 20);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => following);

        var report = monitor.Find("iris")!.CalculateNow()!.Report;
        Assert.Equal(["sepal_length", "sepal_width", "petal_length", "petal_width"], report.Columns.Select(c => c.Column));
        Assert.True(report.Columns.Single(c => c.Column == "petal_length").Drifted);
        // The reference's species (as class indices) stand in for reference predictions: all-virginica answers drift.
        Assert.True(report.PredictionDrift!.Drifted);
    }

    [Fact]
    public void A_log_row_becomes_the_features_the_answered_class_and_who_answered()
    {
        var row = PredictionLogRowSource.Row(Logged(InsuranceVectors.Customer(true, 51.5, false, 30, 100, 10), 4) with { Source = "baseline_low_probability" });

        Assert.Equal(1, row["training"]);
        Assert.Equal(51.5, row["age"]);
        Assert.Equal(0, row["emergency_braking"]);
        Assert.Equal(30, row["braking_distance"]);
        Assert.Equal(100, row["power"]);
        Assert.Equal(10, row["miles"]);
        Assert.Equal((int)RiskGroup.Medium, row["prediction"]);
        Assert.Equal(1, row[AnswerSourceColumn.WindowColumn]);
        Assert.Equal(0, PredictionLogRowSource.Row(Logged(InsuranceVectors.Customer(true, 51.5, false, 30, 100, 10), 1))[AnswerSourceColumn.WindowColumn]);
    }

    /// <summary>A logged answer; every 5th (index 4, 9, …) by the fallback, class medium.</summary>
    private static LoggedPrediction Logged(double[] customer, int index) => LoggedPrediction.Of(
        DateTimeOffset.UnixEpoch.AddSeconds(index), "v1", index % 5 == 4 ? "baseline_out_of_range" : "ml", new ClassPrediction((int)RiskGroup.Medium, InsuranceVectors.Certain((int)RiskGroup.Medium)), customer);

    /// <summary>The customers of a seed month as the insurance problem's feature vectors.</summary>
    internal static List<double[]> SeedCustomers(int month)
    {
        var seed = ProblemCsvReader.ReadFile(RepositoryPaths.SeedMonth(month), ProblemSchema.Insurance);
        return [.. Enumerable.Range(0, seed.RowCount).Select(r =>
        {
            var customer = new double[seed.Schema.Features.Count];
            seed.CopyRow(r, customer);
            return customer;
        })];
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 20 s");
            await Task.Delay(10);
        }
    }
}
