using Mlops.Core.Data;
using Mlops.Core.Drift;
using Mlops.Testing;

namespace Mlops.Notebooks.Tests;

/// <summary>notebooks/analysis.ipynb, run end to end on the seed's 36 months.</summary>
public sealed class AnalysisNotebookTests(AnalysisNotebookRun notebook) : CommittedNotebookTests(notebook), IClassFixture<AnalysisNotebookRun>
{
    [Fact]
    public void It_prints_the_monitors_drift_per_feature_and_month()
    {
        var reference = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0));
        var calculator = new DriftCalculator(ColumnMapping.Insurance, NumericTable.FromDataset(reference));
        var reports = Enumerable.Range(1, 36)
            .Select(m => calculator.Calculate(NumericTable.FromDataset(InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(m))), DateTimeOffset.UnixEpoch))
            .ToArray();

        var printed = Run.Executed.CodeCellWith("new DriftCalculator").Printed;
        foreach (var feature in Feature.All)
        {
            int[] drifted = [.. Enumerable.Range(1, 36).Where(m => reports[m - 1].Columns.Single(c => c.Column == feature.Name).Drifted)];
            var expected = drifted.Length == 0
                ? $"{feature.Name}: never drifted"
                : Invariant($"{feature.Name}: drifted in {drifted.Length} of 36 months, first in month {drifted[0]}");
            Assert.Contains(expected, printed, StringComparison.Ordinal);
        }

        // Evidently's numbers on the seed (Jensen–Shannon in nats): emergency braking from month 10, not 9.
        Assert.Contains("emergency_braking: drifted in 27 of 36 months, first in month 10", printed, StringComparison.Ordinal);

        int[] datasetDrift = [.. Enumerable.Range(1, 36).Where(m => reports[m - 1].DatasetDrift)];
        Assert.Contains(Invariant($"dataset drift in {datasetDrift.Length} of 36 months, first in month {datasetDrift[0]}"), printed, StringComparison.Ordinal);
    }

    [Fact]
    public void It_draws_every_feature_of_month_12_and_month_36_against_the_reference()
    {
        AssertDistinctCharts(2 * Feature.All.Count, Run.Executed.CodeCellWith("Histograms.Of").Images);
    }

    [Fact]
    public void It_follows_the_accuracy_in_hindsight_and_as_known_at_month_36()
    {
        Assert.Single(Run.Executed.CodeCellWith("labelDelayMonths: 0").Images);
        var known = Run.Executed.CodeCellWith("labelDelayMonths: 24");
        Assert.Single(known.Images);
        Assert.Contains("known at month 36: labels of months 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12\n", known.Printed, StringComparison.Ordinal);
        Assert.Contains("realised: not known until month 60", known.Printed, StringComparison.Ordinal);
    }

    [Fact]
    public void It_ends_where_the_talk_ends_month_12_fails_and_the_model_retrained_on_it_misses_the_requirements()
    {
        var printed = Run.Executed.CodeCellWith("ProblemModelTrainer.Train(month12Data").Printed;
        Assert.Contains("production model on month 12: fails: train_accuracy_min", printed, StringComparison.Ordinal);
        Assert.Contains("retrained on month 12: fails: class_count_high", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void It_prints_the_libraries_interpretation()
    {
        var lines = Run.Executed.CodeCellWith("atMonth36.Observations").Printed.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 8, string.Join('\n', lines));
        Assert.All(lines, l => Assert.StartsWith("- ", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("people get older, slowly", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("the driver's own skill matters less", StringComparison.Ordinal));
    }
}
