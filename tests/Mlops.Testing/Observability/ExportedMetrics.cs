namespace Mlops.Testing.Observability;

/// <summary>
/// The metric names the two services promise to export: the contract between the services and the
/// dashboard and alert rules in <c>deploy/</c>. The one place where these names are written in the
/// test code; tests of the services check their live <c>/metrics</c> against it, tests of
/// <c>deploy/</c> check every name the dashboard and the alerts use against it.
/// </summary>
public static class ExportedMetrics
{
    /// <summary>The prediction service (<c>mlops serve</c>): prometheus-net's HTTP metrics and ours.</summary>
    public static IReadOnlySet<string> Service { get; } = new SortedSet<string>(StringComparer.Ordinal)
    {
        // prometheus-net.AspNetCore UseHttpMetrics (the histogram's _sum and _count are not read here).
        "http_requests_received_total",
        "http_request_duration_seconds_bucket",
        "mlops_predictions_total",
        "mlops_fallback_rate",
        "mlops_model_info",
        "mlops_prediction_errors_total",
        "mlops_prediction_log_queue_length",
        "mlops_prediction_log_dropped_total",
        "mlops_prediction_log_unrecorded_total",
        "mlops_monitor_forward_dropped_rows_total",
        "mlops_model_reloads_total",
    };

    /// <summary>
    /// The drift monitor (<c>mlops monitor</c>): the Evidently-compatible names the seed's Grafana
    /// dashboard used, and our native ones. All carry the label <c>dataset_name</c>.
    /// </summary>
    public static IReadOnlySet<string> Monitor { get; } = new SortedSet<string>(StringComparer.Ordinal)
    {
        "evidently:data_drift:dataset_drift",
        "evidently:data_drift:share_drifted_features",
        "evidently:data_drift:n_drifted_features",
        "evidently:data_drift:p_value",
        "evidently:reference_dataset_hash",
        "mlops_drift_score",
        "mlops_drift_detected",
        "mlops_dataset_drift",
        "mlops_drift_window_rows",
        "mlops_rows_received_total",
        "mlops_prediction_drift_score",
        "mlops_prediction_drift_detected",
        "mlops_performance_estimated",
        "mlops_performance_realised",
        "mlops_labels_received_total",
    };

    /// <summary>
    /// The monitor's performance metrics: a sample only with <c>mlops monitor --model</c> (the estimate)
    /// or <c>--prediction-log</c> (the labels); their families are always announced.
    /// </summary>
    public static IReadOnlySet<string> MonitorPerformance { get; } = new SortedSet<string>(StringComparer.Ordinal)
    {
        "mlops_performance_estimated",
        "mlops_performance_realised",
        "mlops_labels_received_total",
    };

    /// <summary>Every name either service exports.</summary>
    public static IReadOnlySet<string> All { get; } = new SortedSet<string>(Service.Concat(Monitor), StringComparer.Ordinal);
}
