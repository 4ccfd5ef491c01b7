using System.Globalization;
using Mlops.Core.Data;
using Mlops.Core.Training;
using Mlops.Core.Validation;
using Mlops.Testing;

namespace Mlops.Notebooks.Tests;

/// <summary>notebooks/exploration.ipynb, run end to end: it runs, draws, and prints what the library computes.</summary>
public sealed class ExplorationNotebookTests(ExplorationNotebookRun notebook) : IClassFixture<ExplorationNotebookRun>
{
    private NotebookRun Run => notebook.Run;

    [Fact]
    public void Every_cell_runs_without_an_error()
    {
        Assert.True(Run.Succeeded, Run.Describe());
    }

    [Fact]
    public void It_draws_each_feature_per_risk_class()
    {
        var images = Run.Executed.CodeCellWith("ExplorationCharts.ByRiskClass").Images;
        Assert.Equal(Feature.All.Count, images.Count);
        Assert.All(images, png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]));
        Assert.Equal(images.Count, images.Select(Convert.ToBase64String).Distinct().Count());
    }

    [Fact]
    public void It_prints_the_libraries_description_training_and_validation_of_the_seeds_reference()
    {
        var file = RepositoryPaths.SeedMonth(0);
        var reference = InsuranceCsvReader.ReadFile(file, requireLabels: true);
        using var model = RiskModelTrainer.Train(reference, ContentHash.OfFile(file), new TrainingOptions());
        var report = ModelValidator.Validate(model, reference, ContentHash.OfFile(file), InvariantSpec.Default);
        var spots = RiskSweetSpots.Fit(reference.Records);
        var labels = reference.Labels();

        var printed = Run.Executed.Printed;
        Assert.Contains(Invariant($"reference.csv: {reference.Count} customers, labeled: True"), printed, StringComparison.Ordinal);
        Assert.Contains("customers per class: " + string.Join(", ", RiskGroups.All.Select(g => Invariant($"{g.Name()} {labels.Count(l => l == g)}"))), printed, StringComparison.Ordinal);
        Assert.Contains(Invariant($"sweet spots: age {spots.Age:0.0}, power {spots.Power:0.0}, miles {spots.Miles:0.0}"), printed, StringComparison.Ordinal);
        Assert.Contains(Invariant($"maxent: train accuracy {model.Card.TrainAccuracy:0.000}, test accuracy {model.Card.TestAccuracy:0.000}"), printed, StringComparison.Ordinal);
        Assert.Contains(Invariant($"{report.Checks.Count(c => c.Passed)} of {report.Checks.Count} invariants hold"), printed, StringComparison.Ordinal);
        Assert.Contains(Invariant($"rule baseline: train {report.BaselineAccuracy!.Train:0.000}, test {report.BaselineAccuracy.Test:0.000}"), printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_invariants_table_has_a_row_per_check()
    {
        var file = RepositoryPaths.SeedMonth(0);
        var reference = InsuranceCsvReader.ReadFile(file, requireLabels: true);
        using var model = RiskModelTrainer.Train(reference, ContentHash.OfFile(file), new TrainingOptions());
        var report = ModelValidator.Validate(model, reference, ContentHash.OfFile(file), InvariantSpec.Default);

        var table = Run.Executed.CodeCellWith("ModelValidator.Validate").Outputs.Single(o => o.Html.Contains("<table", StringComparison.Ordinal)).Html;
        Assert.Equal(report.Checks.Count, table.Split("<tr>").Length - 2);
        Assert.All(report.Checks, c => Assert.Contains($"<td>{c.Name}</td>", table, StringComparison.Ordinal));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
