using Mlops.Core.Monitoring;
using Mlops.Monitoring.Configuration;
using Mlops.Monitoring.Metrics;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

/// <summary>
/// The monitor exports each feature under the name its reference file uses, as the seed's Evidently
/// did (<c>feature="emergency_breaking"</c> for the seed's reference): a query or alert written for
/// the seed keeps finding its series, and a reference spelled the other way gets that spelling.
/// </summary>
public sealed class ReferenceSpellingTests
{
    [Fact]
    public void The_seeds_reference_header_gives_emergency_breaking_in_labels_and_json()
    {
        Assert.Contains(";emergency_breaking;", File.ReadLines(RepositoryPaths.SeedMonth(0)).First(), StringComparison.Ordinal);

        var (metrics, status) = Monitor(RepositoryPaths.SeedMonth(0));

        Assert.Contains("evidently:data_drift:p_value{dataset_name=\"insurance\",feature=\"emergency_breaking\",feature_type=\"cat\"} ", metrics, StringComparison.Ordinal);
        Assert.Contains("mlops_drift_score{dataset_name=\"insurance\",feature=\"emergency_breaking\",test=\"jensenshannon\"} ", metrics, StringComparison.Ordinal);
        Assert.Contains("mlops_drift_detected{dataset_name=\"insurance\",feature=\"emergency_breaking\"} ", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("emergency_braking", metrics, StringComparison.Ordinal);
        Assert.Equal(["training", "age", "emergency_breaking", "braking_distance", "power", "miles"], status.Reference.Features);
        Assert.Equal(status.Reference.Features, status.Latest!.Report.Columns.Select(c => c.Column));
    }

    [Fact]
    public void A_reference_spelled_emergency_braking_is_exported_as_emergency_braking()
    {
        using var temp = new TemporaryDirectory();
        var lines = File.ReadAllLines(RepositoryPaths.SeedMonth(0));
        lines[0] = lines[0].Replace("emergency_breaking", "emergency_braking", StringComparison.Ordinal);
        File.WriteAllLines(temp.File("reference.csv"), lines);

        var (metrics, status) = Monitor(temp.File("reference.csv"));

        Assert.Contains("evidently:data_drift:p_value{dataset_name=\"insurance\",feature=\"emergency_braking\",feature_type=\"cat\"} ", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("emergency_breaking", metrics, StringComparison.Ordinal);
        Assert.Contains("emergency_braking", status.Reference.Features);
        Assert.Contains(status.Latest!.Report.Columns, c => c.Column == "emergency_braking");
    }

    private static (string Metrics, DatasetStatus Status) Monitor(string reference)
    {
        var monitor = new DriftMonitor(MonitorConfig.ForReference(reference) with { WindowSize = 50 });
        Assert.NotNull(monitor.Add("insurance", SyntheticRows.Insurance(50)));
        return (DriftMetrics.Render(monitor), monitor.Find("insurance")!.Status());
    }
}
