namespace Mlops.Testing.Observability;

/// <summary>
/// What the dashboards and alert rules of <c>deploy/</c> need from the services: every metric name
/// their PromQL reads. The end-to-end test scrapes the live <c>/metrics</c> of the service and the
/// monitor and asserts that <see cref="MissingFrom(IEnumerable{string})"/> is empty:
/// <code>
/// var live = PrometheusExposition.MetricNames([await http.GetStringAsync(serviceMetrics), await http.GetStringAsync(monitorMetrics)]);
/// Assert.Empty(ObservabilityContract.MissingFrom(live));
/// </code>
/// </summary>
public static class ObservabilityContract
{
    /// <summary>Series Prometheus writes itself, not read from any /metrics page.</summary>
    public static IReadOnlySet<string> PrometheusOwnSeries { get; } = new SortedSet<string>(StringComparer.Ordinal)
    {
        "up",
        "ALERTS",
        "ALERTS_FOR_STATE",
        "scrape_duration_seconds",
        "scrape_samples_scraped",
        "scrape_samples_post_metric_relabeling",
        "scrape_series_added",
    };

    /// <summary>Every metric name a dashboard in <c>deploy/grafana/dashboards</c> reads, Prometheus' own series left out.</summary>
    public static IReadOnlySet<string> DashboardMetricNames() =>
        Names(Directory.EnumerateFiles(DeployFiles.DashboardsFolder, "*.json")
            .SelectMany(file => GrafanaDashboard.Load(file).Expressions));

    /// <summary>Every metric name an alert of <c>deploy/prometheus/alerts.yml</c> reads, Prometheus' own series left out.</summary>
    public static IReadOnlySet<string> AlertMetricNames() =>
        Names(AlertRule.Load(DeployFiles.AlertRules).Select(rule => rule.Expression));

    /// <summary>The dashboards' and the alerts' names together.</summary>
    public static IReadOnlySet<string> UsedMetricNames() =>
        new SortedSet<string>(DashboardMetricNames().Concat(AlertMetricNames()), StringComparer.Ordinal);

    /// <summary>The names the dashboards or alerts read that <paramref name="exported"/> lacks, sorted.</summary>
    public static IReadOnlyList<string> MissingFrom(IEnumerable<string> exported)
    {
        var offered = new HashSet<string>(exported, StringComparer.Ordinal);
        return [.. UsedMetricNames().Where(name => !offered.Contains(name))];
    }

    private static SortedSet<string> Names(IEnumerable<string> expressions) =>
        new(expressions.SelectMany(PromQlMetricNames.Extract).Where(name => !PrometheusOwnSeries.Contains(name)), StringComparer.Ordinal);
}
