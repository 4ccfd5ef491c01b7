namespace Mlops.Testing.Observability;

/// <summary>
/// What the dashboards and rules of <c>deploy/</c> need from the services: every metric name
/// their PromQL reads. A series recorded by <c>deploy/prometheus/recording-rules.yml</c> stands for
/// the metrics its rule reads, so the fleet-wide series are held to the same contract. The
/// end-to-end test scrapes the live <c>/metrics</c> of the service and the monitor and asserts that
/// <see cref="MissingFrom(IEnumerable{string})"/> is empty:
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

    /// <summary>The recording rules of <c>deploy/prometheus/recording-rules.yml</c>, by the series they record.</summary>
    public static IReadOnlyDictionary<string, RecordingRule> RecordedSeries() =>
        RecordingRule.Load(DeployFiles.RecordingRules).ToDictionary(rule => rule.Record, StringComparer.Ordinal);

    /// <summary>Every metric name a dashboard in <c>deploy/grafana/dashboards</c> reads, Prometheus' own series left out.</summary>
    public static IReadOnlySet<string> DashboardMetricNames() =>
        Names(Directory.EnumerateFiles(DeployFiles.DashboardsFolder, "*.json")
            .SelectMany(file => GrafanaDashboard.Load(file).Expressions));

    /// <summary>Every metric name an alert of <c>deploy/prometheus/alerts.yml</c> reads, Prometheus' own series left out.</summary>
    public static IReadOnlySet<string> AlertMetricNames() =>
        Names(AlertRule.Load(DeployFiles.AlertRules).Select(rule => rule.Expression));

    /// <summary>Every metric name a recording rule reads, Prometheus' own series left out.</summary>
    public static IReadOnlySet<string> RecordingRuleMetricNames() =>
        Names(RecordedSeries().Values.Select(rule => rule.Expression));

    /// <summary>The dashboards', the alerts' and the recording rules' names together.</summary>
    public static IReadOnlySet<string> UsedMetricNames() =>
        new SortedSet<string>(DashboardMetricNames().Concat(AlertMetricNames()).Concat(RecordingRuleMetricNames()), StringComparer.Ordinal);

    /// <summary>The names the dashboards or rules read that <paramref name="exported"/> lacks, sorted.</summary>
    public static IReadOnlyList<string> MissingFrom(IEnumerable<string> exported)
    {
        var offered = new HashSet<string>(exported, StringComparer.Ordinal);
        return [.. UsedMetricNames().Where(name => !offered.Contains(name))];
    }

    /// <summary>
    /// The metric names <paramref name="expression"/> reads, a recorded series replaced by what its
    /// rule reads (recorded series may read other recorded series).
    /// </summary>
    public static IReadOnlySet<string> MetricNamesRead(string expression) => Names([expression]);

    private static SortedSet<string> Names(IEnumerable<string> expressions)
    {
        var recorded = RecordedSeries();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(expressions.SelectMany(PromQlMetricNames.Extract));
        var expanded = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryPop(out var name))
        {
            if (recorded.TryGetValue(name, out var rule))
            {
                if (expanded.Add(name))
                {
                    foreach (var input in PromQlMetricNames.Extract(rule.Expression))
                    {
                        pending.Push(input);
                    }
                }
            }
            else if (!PrometheusOwnSeries.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }
}
