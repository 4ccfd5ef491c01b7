using Mlops.Testing.Observability;

namespace Mlops.Deploy.Tests;

/// <summary>
/// The shape of deploy/prometheus/alerts.yml. When each alert fires and when it stays quiet is
/// tested by promtool (deploy/prometheus/tests/alerts.test.yml, run by scripts/check-observability.sh).
/// </summary>
public sealed class AlertRulesTests
{
    private static readonly IReadOnlyList<AlertRule> Rules = AlertRule.Load(DeployFiles.AlertRules);

    [Fact]
    public void The_alerts_are_those_the_readme_explains()
    {
        Assert.Equal(
            ["DatasetDrift", "DriftMonitorDown", "FallbackRateHigh", "LabelsNotArriving", "MonitorForwardDropping", "PerformanceEstimateLow", "PredictionLogDropping", "PredictionLogUnrecorded", "PredictionServiceDown", "RealisedAccuracyLow"],
            Rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        var readme = File.ReadAllText(Path.Combine(DeployFiles.Folder, "README.md"));
        Assert.All(Rules, r => Assert.Contains($"`{r.Name}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_alert_has_a_severity_a_summary_and_a_description()
    {
        Assert.All(Rules, rule =>
        {
            Assert.Contains(rule.Labels.GetValueOrDefault("severity"), new[] { "warning", "critical" });
            Assert.False(string.IsNullOrWhiteSpace(rule.Annotations.GetValueOrDefault("summary")), rule.Name);
            Assert.False(string.IsNullOrWhiteSpace(rule.Annotations.GetValueOrDefault("description")), rule.Name);
        });
    }

    [Fact]
    public void Drift_and_fallback_must_last_ten_minutes_and_a_target_one_minute()
    {
        Assert.Equal("10m", Rules.Single(r => r.Name == "DatasetDrift").For);
        Assert.Equal("10m", Rules.Single(r => r.Name == "FallbackRateHigh").For);
        Assert.Equal("1m", Rules.Single(r => r.Name == "PredictionServiceDown").For);
        Assert.Equal("1m", Rules.Single(r => r.Name == "DriftMonitorDown").For);
    }

    [Theory]
    [InlineData("prometheus.yml")]
    [InlineData("prometheus.native.yml")]
    public void Every_job_an_alert_names_is_scraped(string config)
    {
        var jobs = YamlFile.Load(Path.Combine(DeployFiles.Folder, "prometheus", config)).Sequence("scrape_configs")
            .OfType<YamlDotNet.RepresentationModel.YamlMappingNode>()
            .Select(c => c.Scalar("job_name"))
            .ToHashSet();
        var named = Rules.SelectMany(r => r.JobNames).ToList();

        Assert.Equal(["prediction-service", "drift-monitor"], named);
        Assert.All(named, job => Assert.Contains(job, jobs));
    }
}
