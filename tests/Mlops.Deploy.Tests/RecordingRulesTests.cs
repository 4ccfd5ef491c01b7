using Mlops.Testing.Observability;

namespace Mlops.Deploy.Tests;

/// <summary>
/// The shape of deploy/prometheus/recording-rules.yml. What each series is worth with two replicas
/// is tested by promtool (deploy/prometheus/tests/recording-rules.test.yml, run by scripts/check-observability.sh).
/// </summary>
public sealed class RecordingRulesTests
{
    private static readonly IReadOnlyList<RecordingRule> Rules = RecordingRule.Load(DeployFiles.RecordingRules);

    [Fact]
    public void The_fleet_series_are_kept_per_job_never_per_replica()
    {
        Assert.NotEmpty(Rules);
        Assert.All(Rules, rule =>
        {
            Assert.StartsWith("job", rule.Record, StringComparison.Ordinal);
            Assert.DoesNotContain("instance", rule.Expression, StringComparison.Ordinal);
        });
        // Each rule either sums by job or takes a quantile of a series that was summed by job.
        Assert.All(Rules, rule => Assert.True(
            rule.Expression.Contains("sum by (job", StringComparison.Ordinal)
                || (rule.Expression.StartsWith("histogram_quantile(", StringComparison.Ordinal) && Rules.Any(r => rule.Expression.Contains(r.Record, StringComparison.Ordinal))),
            $"{rule.Record} does not aggregate the replicas: {rule.Expression}"));
    }

    [Fact]
    public void Every_recorded_series_has_a_promtool_unit_test()
    {
        var tests = File.ReadAllText(Path.Combine(DeployFiles.Folder, "prometheus", "tests", "recording-rules.test.yml"));

        Assert.All(Rules, rule => Assert.Contains($"expr: {rule.Record}", tests.Replace("expr: round(", "expr: ", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void The_unit_tests_feed_two_replicas()
    {
        var tests = File.ReadAllText(Path.Combine(DeployFiles.Folder, "prometheus", "tests", "recording-rules.test.yml"));

        Assert.Contains("instance=\"10.0.0.1:8080\"", tests, StringComparison.Ordinal);
        Assert.Contains("instance=\"10.0.0.2:8080\"", tests, StringComparison.Ordinal);
    }
}
