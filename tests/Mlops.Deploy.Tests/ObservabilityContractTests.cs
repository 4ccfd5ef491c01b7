using Mlops.Testing.Observability;

namespace Mlops.Deploy.Tests;

/// <summary>
/// The dashboard, the alerts and the recording rules read only metrics the services export (a
/// recorded series counts as the metrics its rule reads), and every exported metric is on the
/// dashboard. Against the contract list now; the end-to-end test checks the same with the live
/// /metrics pages of the running service and monitor.
/// </summary>
public sealed class ObservabilityContractTests
{
    [Fact]
    public void Every_metric_the_dashboard_and_the_alerts_read_is_exported_by_a_service()
    {
        var used = ObservabilityContract.UsedMetricNames();

        Assert.NotEmpty(used);
        Assert.Empty(ObservabilityContract.MissingFrom(ExportedMetrics.All));
    }

    [Fact]
    public void Every_exported_metric_is_shown_on_the_dashboard()
    {
        var shown = ObservabilityContract.DashboardMetricNames();

        var notShown = ExportedMetrics.All.Except(shown, StringComparer.Ordinal).ToList();

        Assert.Empty(notShown);
    }

    [Fact]
    public void The_alerts_read_drift_fallback_prediction_log_and_performance_metrics()
    {
        var read = ObservabilityContract.AlertMetricNames();

        // The fallback alert reads the fleet's rate, recorded from the prediction counters.
        Assert.Equal(
            [
                "evidently:data_drift:dataset_drift",
                "mlops_labels_received_total",
                "mlops_monitor_forward_dropped_rows_total",
                "mlops_performance_estimated",
                "mlops_performance_realised",
                "mlops_prediction_log_dropped_total",
                "mlops_prediction_log_unrecorded_total",
                "mlops_predictions_total",
            ],
            read);
    }

    [Fact]
    public void The_recording_rules_read_only_the_service_s_counters_and_histogram()
    {
        var read = ObservabilityContract.RecordingRuleMetricNames();

        // Counters and histogram buckets add up across replicas; the per-replica gauge
        // mlops_fallback_rate does not, so no fleet series may be built from it.
        Assert.Equal(["http_request_duration_seconds_bucket", "http_requests_received_total", "mlops_predictions_total"], read);
        Assert.All(read, name => Assert.Contains(name, ExportedMetrics.Service));
    }

    [Fact]
    public void Every_recorded_series_is_read_by_the_dashboard_or_an_alert()
    {
        var recorded = ObservabilityContract.RecordedSeries();
        var readByRules = recorded.Values.SelectMany(rule => PromQlMetricNames.Extract(rule.Expression));
        var readByUsers = Directory.EnumerateFiles(DeployFiles.DashboardsFolder, "*.json")
            .SelectMany(file => GrafanaDashboard.Load(file).Expressions)
            .Concat(AlertRule.Load(DeployFiles.AlertRules).Select(rule => rule.Expression))
            .SelectMany(PromQlMetricNames.Extract)
            .Concat(readByRules)
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(recorded);
        Assert.All(recorded.Keys, name => Assert.Contains(name, readByUsers));
    }

    [Fact]
    public void A_recorded_series_stands_for_the_metrics_its_rule_reads()
    {
        Assert.Equal(
            ["http_request_duration_seconds_bucket"],
            ObservabilityContract.MetricNamesRead("job_endpoint:http_request_duration_seconds:p99_rate5m > 0.1"));
        Assert.Equal(
            ["mlops_model_info", "mlops_predictions_total"],
            ObservabilityContract.MetricNamesRead("job:mlops_fallback_rate:ratio_rate5m * on (job) group_left mlops_model_info"));
    }

    [Fact]
    public void MissingFrom_names_what_a_live_scrape_lacks()
    {
        // A scrape of both services as the end-to-end test will take it, one metric short.
        var pages = ExportedMetrics.Service.Select(name => $"{name} 1")
            .Concat(ExportedMetrics.Monitor.Where(name => name != "evidently:data_drift:p_value").Select(name => $"{name}{{dataset_name=\"production\"}} 0"));
        var live = PrometheusExposition.MetricNames(string.Join('\n', pages));

        Assert.Equal(["evidently:data_drift:p_value"], ObservabilityContract.MissingFrom(live));
        Assert.Empty(ObservabilityContract.MissingFrom(live.Append("evidently:data_drift:p_value")));
    }
}
