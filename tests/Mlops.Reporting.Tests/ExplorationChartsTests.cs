using Mlops.Core.Data;
using Mlops.Reporting.Charts;
using Mlops.Testing;

namespace Mlops.Reporting.Tests;

public sealed class ExplorationChartsTests
{
    private static readonly InsuranceDataset Reference = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0), requireLabels: true);

    [Fact]
    public void Every_feature_of_the_seeds_reference_is_drawn_per_risk_class_as_its_own_png()
    {
        var charts = Feature.All.Select(f => ExplorationCharts.ByRiskClass(Reference, f)).ToArray();

        Assert.All(charts, png => Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]));
        Assert.Equal(charts.Length, charts.Select(Convert.ToBase64String).Distinct().Count());
    }

    [Fact]
    public void The_same_data_draws_the_same_picture()
    {
        Assert.Equal(ExplorationCharts.ByRiskClass(Reference, Feature.Find("age")!), ExplorationCharts.ByRiskClass(Reference, Feature.Find("age")!));
    }

    [Fact]
    public void A_dataset_without_labels_is_refused_with_its_name()
    {
        var unlabeled = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(1));
        var records = unlabeled.Records.Select(r => r with { Risk = null, Group = null }).ToArray();
        var error = Assert.Throws<ArgumentException>(() => ExplorationCharts.ByRiskClass(new InsuranceDataset("unlabeled.csv", records), Feature.Find("age")!));
        Assert.Contains("unlabeled.csv", error.Message, StringComparison.Ordinal);
    }
}
