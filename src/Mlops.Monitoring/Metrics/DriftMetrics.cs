namespace Mlops.Monitoring.Metrics;

/// <summary>
/// The metrics of <c>GET /metrics</c>, rendered from each dataset's latest report at scrape time (so no
/// stale series linger when a column's test changes). Two sets with the same content:
/// <list type="bullet">
/// <item>Evidently's, as its monitoring service exported them and the seed's Grafana dashboard queries:
/// <c>evidently:data_drift:dataset_drift</c>, <c>…:share_drifted_features</c>, <c>…:n_drifted_features</c>,
/// <c>…:p_value{feature,feature_type}</c> (the drift score, whatever the test — Evidently's name for it)
/// and <c>evidently:reference_dataset_hash{hash}</c>, all labelled <c>dataset_name</c>;</item>
/// <item>our own <c>mlops_*</c> names, which also say which test produced a score, and the prediction drift
/// that Evidently's data-drift monitor did not export.</item>
/// </list>
/// </summary>
public static class DriftMetrics
{
    public static string Render(DriftMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        var datasets = monitor.Datasets.Select(d => (Dataset: d, State: d.Snapshot())).ToList();
        var reports = datasets.Where(d => d.State.Latest is not null).Select(d => (d.Dataset.Name, d.State.Latest!.Report)).ToList();
        var w = new PrometheusTextWriter();

        w.Family("evidently:reference_dataset_hash", "gauge", "1 for the SHA-256 hash of the reference data file in use");
        foreach (var (dataset, _) in datasets)
        {
            w.Sample("evidently:reference_dataset_hash", 1, ("dataset_name", dataset.Name), ("hash", dataset.Reference.Hash));
        }

        w.Family("evidently:data_drift:dataset_drift", "gauge", "1 when the share of drifted features reached the drift share");
        foreach (var (name, report) in reports)
        {
            w.Sample("evidently:data_drift:dataset_drift", report.DatasetDrift ? 1 : 0, ("dataset_name", name));
        }

        w.Family("evidently:data_drift:share_drifted_features", "gauge", "Share of feature columns that drifted");
        foreach (var (name, report) in reports)
        {
            w.Sample("evidently:data_drift:share_drifted_features", report.ShareOfDriftedColumns, ("dataset_name", name));
        }

        w.Family("evidently:data_drift:n_drifted_features", "gauge", "Number of feature columns that drifted");
        foreach (var (name, report) in reports)
        {
            w.Sample("evidently:data_drift:n_drifted_features", report.NumberOfDriftedColumns, ("dataset_name", name));
        }

        w.Family("evidently:data_drift:p_value", "gauge", "Drift score per feature: p-value or distance, depending on the test");
        foreach (var (name, report) in reports)
        {
            foreach (var c in report.Columns)
            {
                w.Sample("evidently:data_drift:p_value", c.DriftScore, ("dataset_name", name), ("feature", c.Column), ("feature_type", c.ColumnType));
            }
        }

        w.Family("mlops_drift_score", "gauge", "Drift score per feature and the test that produced it");
        foreach (var (name, report) in reports)
        {
            foreach (var c in report.Columns)
            {
                w.Sample("mlops_drift_score", c.DriftScore, ("dataset_name", name), ("feature", c.Column), ("test", c.StatTest));
            }
        }

        w.Family("mlops_drift_detected", "gauge", "1 when the feature drifted");
        foreach (var (name, report) in reports)
        {
            foreach (var c in report.Columns)
            {
                w.Sample("mlops_drift_detected", c.Drifted ? 1 : 0, ("dataset_name", name), ("feature", c.Column));
            }
        }

        w.Family("mlops_dataset_drift", "gauge", "1 when the dataset drifted (share of drifted features at or above the drift share)");
        foreach (var (name, report) in reports)
        {
            w.Sample("mlops_dataset_drift", report.DatasetDrift ? 1 : 0, ("dataset_name", name));
        }

        w.Family("mlops_prediction_drift_score", "gauge", "Drift score of the model's predictions (not counted in dataset drift)");
        foreach (var (name, report) in reports)
        {
            if (report.PredictionDrift is { } p)
            {
                w.Sample("mlops_prediction_drift_score", p.DriftScore, ("dataset_name", name), ("test", p.StatTest));
            }
        }

        w.Family("mlops_prediction_drift_detected", "gauge", "1 when the model's predictions drifted");
        foreach (var (name, report) in reports)
        {
            if (report.PredictionDrift is { } p)
            {
                w.Sample("mlops_prediction_drift_detected", p.Drifted ? 1 : 0, ("dataset_name", name));
            }
        }

        w.Family("mlops_drift_window_rows", "gauge", "Rows in the sliding window");
        foreach (var (dataset, state) in datasets)
        {
            w.Sample("mlops_drift_window_rows", state.Window.Rows, ("dataset_name", dataset.Name));
        }

        w.Family("mlops_rows_received_total", "counter", "Rows received since the monitor started");
        foreach (var (dataset, state) in datasets)
        {
            w.Sample("mlops_rows_received_total", state.Window.RowsReceived, ("dataset_name", dataset.Name));
        }

        w.Family("mlops_performance_estimated", "gauge", "Label-free estimate (CBPE) of the model's accuracy on the latest window");
        foreach (var (name, state) in datasets.Select(d => (d.Dataset.Name, d.State)))
        {
            if (state.Latest?.EstimatedAccuracy is { } estimated)
            {
                w.Sample("mlops_performance_estimated", estimated, ("dataset_name", name));
            }
        }

        var realised = monitor.Realised.All();
        w.Family("mlops_performance_realised", "gauge", "Realised accuracy of what the service answered (model or fallback), per month (UTC), from the late labels");
        foreach (var (name, state) in realised)
        {
            foreach (var period in state.Periods)
            {
                w.Sample("mlops_performance_realised", period.RealisedAccuracy!.Value, ("dataset_name", name), ("period", period.Period));
            }
        }

        w.Family("mlops_labels_received_total", "counter", "Late labels stored next to the followed prediction log");
        foreach (var (name, state) in realised)
        {
            w.Sample("mlops_labels_received_total", state.LabelsReceived, ("dataset_name", name));
        }

        return w.ToString();
    }
}
