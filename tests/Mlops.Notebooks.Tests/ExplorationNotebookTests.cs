using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Training;
using Mlops.Core.Validation;
using Mlops.Testing;

namespace Mlops.Notebooks.Tests;

/// <summary>notebooks/exploration.ipynb, run end to end: it runs, draws, and prints what the library computes.</summary>
public sealed class ExplorationNotebookTests(ExplorationNotebookRun notebook) : CommittedNotebookTests(notebook), IClassFixture<ExplorationNotebookRun>
{
    /// <summary>The library's own answer on the seed's reference: what the notebook must print.</summary>
    private static readonly Lazy<(InsuranceDataset Reference, ModelCard Card, ValidationReport Report)> Library = new(() =>
    {
        var file = RepositoryPaths.SeedMonth(0);
        var reference = InsuranceCsvReader.ReadFile(file, requireLabels: true);
        var sha256 = ContentHash.OfFile(file);
        var data = ProblemCsvReader.ReadFile(file, ProblemSchema.Insurance, requireLabels: true);
        using var model = ProblemModelTrainer.Train(data, sha256, new TrainingOptions());
        return (reference, model.Card, ModelValidator.Validate(model, data, sha256, InvariantSpec.Default));
    });

    [Fact]
    public void It_draws_each_feature_per_risk_class()
    {
        AssertDistinctCharts(Feature.All.Count, Run.Executed.CodeCellWith("ExplorationCharts.ByRiskClass").Images);
    }

    [Fact]
    public void It_prints_the_libraries_description_training_and_validation_of_the_seeds_reference()
    {
        var (reference, card, report) = Library.Value;
        var spots = SweetSpots.Fit(ProblemCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), ProblemSchema.Insurance, requireLabels: true));
        var labels = reference.Labels();

        var printed = Run.Executed.Printed;
        Assert.Contains(Invariant($"reference.csv: {reference.Count} customers, labeled: True"), printed, StringComparison.Ordinal);
        Assert.Contains("customers per class: " + string.Join(", ", RiskGroups.All.Select(g => Invariant($"{g.Name()} {labels.Count(l => l == g)}"))), printed, StringComparison.Ordinal);
        Assert.Equal(["age", "power", "miles"], spots.Select(s => s.Feature));
        Assert.Contains(Invariant($"sweet spots: age {spots[0].Spot:0.0}, power {spots[1].Spot:0.0}, miles {spots[2].Spot:0.0}"), printed, StringComparison.Ordinal);
        Assert.Contains(Invariant($"maxent: train accuracy {card.TrainAccuracy:0.000}, test accuracy {card.TestAccuracy:0.000}"), printed, StringComparison.Ordinal);
        Assert.Contains(Invariant($"{report.Checks.Count(c => c.Passed)} of {report.Checks.Count} invariants hold"), printed, StringComparison.Ordinal);
        Assert.Contains(Invariant($"rule baseline: train {report.BaselineAccuracy!.Train:0.000}, test {report.BaselineAccuracy.Test:0.000}"), printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_invariants_table_has_a_row_per_check()
    {
        var report = Library.Value.Report;
        var table = Run.Executed.CodeCellWith("ModelValidator.Validate").Outputs.Single(o => o.Html.Contains("<table", StringComparison.Ordinal)).Html;
        Assert.Equal(report.Checks.Count, table.Split("<tr>").Length - 2);
        Assert.All(report.Checks, c => Assert.Contains($"<td>{c.Name}</td>", table, StringComparison.Ordinal));
    }
}
