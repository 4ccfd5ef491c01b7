using Mlops.Testing.Observability;

namespace Mlops.Deploy.Tests;

/// <summary>
/// The dashboard and the alerts read only metrics the services export, and every exported metric
/// is on the dashboard. Against the contract list now; the end-to-end test checks the same with
/// the live /metrics pages of the running service and monitor.
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
    public void The_alerts_read_drift_fallback_and_prediction_log_metrics()
    {
        var read = ObservabilityContract.AlertMetricNames();

        Assert.Equal(
            [
                "evidently:data_drift:dataset_drift",
                "mlops_fallback_rate",
                "mlops_monitor_forward_dropped_rows_total",
                "mlops_prediction_log_dropped_total",
            ],
            read);
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
