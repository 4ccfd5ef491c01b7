using System.Text;
using System.Text.Json;
using Mlops.Testing;
using Mlops.Testing.Observability;

namespace Mlops.Deploy.Tests;

public sealed class GrafanaDashboardTests
{
    private static readonly GrafanaDashboard Dashboard = GrafanaDashboard.Load(DeployFiles.DriftDashboard);

    [Fact]
    public void It_answers_the_seeds_url()
    {
        // http://localhost:3000/d/U54hsxv7k/evidently-data-drift-dashboard
        Assert.Equal("U54hsxv7k", Dashboard.Uid);
        Assert.Equal("Evidently Data Drift Dashboard", Dashboard.Title);
        Assert.Equal("evidently-data-drift-dashboard", Dashboard.Slug);
    }

    [Fact]
    public void It_is_a_grafana_dashboard_document()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(DeployFiles.DriftDashboard));
        var root = json.RootElement;

        // Provisioned dashboards carry no database id; the schema version decides Grafana's migrations.
        Assert.Equal(JsonValueKind.Null, root.GetProperty("id").ValueKind);
        Assert.InRange(root.GetProperty("schemaVersion").GetInt32(), 36, 41);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("panels").ValueKind);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("time").ValueKind);
    }

    [Fact]
    public void Every_panel_queries_prometheus()
    {
        Assert.NotEmpty(Dashboard.Panels);
        Assert.Equal(Dashboard.Panels.Count, Dashboard.Panels.Select(p => p.Id).Distinct().Count());
        foreach (var panel in Dashboard.Panels)
        {
            Assert.True(panel.Targets.Count > 0, $"panel '{panel.Title}' has no query");
            Assert.All(panel.Targets, t => Assert.False(string.IsNullOrWhiteSpace(t.Expression), $"panel '{panel.Title}' has an empty query"));
            Assert.Equal(panel.Targets.Count, panel.Targets.Select(t => t.RefId).Distinct().Count());
        }
    }

    [Fact]
    public void Every_query_uses_the_provisioned_datasource()
    {
        var datasource = Assert.Single(YamlFile.Load(DeployFiles.DatasourceProvisioning).Sequence("datasources").OfType<YamlDotNet.RepresentationModel.YamlMappingNode>());
        var uid = datasource.Scalar("uid");
        Assert.Equal("prometheus", datasource.Scalar("type"));
        Assert.False(string.IsNullOrEmpty(uid));

        foreach (var panel in Dashboard.Panels)
        {
            Assert.True(panel.DatasourceUid == uid, $"panel '{panel.Title}' uses datasource '{panel.DatasourceUid}', provisioned is '{uid}'");
            Assert.All(panel.Targets, t => Assert.Equal(uid, t.DatasourceUid));
        }

        Assert.All(Dashboard.Variables, v => Assert.Equal(uid, v.DatasourceUid));
    }

    [Fact]
    public void The_dataset_variable_filters_every_monitor_query()
    {
        var variable = Assert.Single(Dashboard.Variables, v => v.Name == "dataset_name");
        Assert.Equal("query", variable.Type);
        Assert.Equal("label_values(evidently:data_drift:dataset_drift, dataset_name)", variable.Query);

        var monitorQueries = Dashboard.Panels.SelectMany(p => p.Targets)
            .Where(t => PromQlMetricNames.Extract(t.Expression).Overlaps(ExportedMetrics.Monitor))
            .ToList();
        Assert.NotEmpty(monitorQueries);
        Assert.All(monitorQueries, t => Assert.Contains("dataset_name=~\"$dataset_name\"", t.Expression, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("stat", "evidently:data_drift:dataset_drift", "")]
    [InlineData("state-timeline", "mlops_dataset_drift", "")]
    [InlineData("timeseries", "evidently:data_drift:share_drifted_features", "")]
    [InlineData("timeseries", "evidently:data_drift:n_drifted_features", "")]
    [InlineData("timeseries", "evidently:data_drift:p_value", "")]
    [InlineData("state-timeline", "mlops_drift_detected", "by (feature)")]
    [InlineData("timeseries", "mlops_fallback_rate", "")]
    [InlineData("stat", "job:mlops_fallback_rate:ratio_rate5m", "")]
    [InlineData("timeseries", "job:mlops_fallback_rate:ratio_rate5m", "")]
    [InlineData("timeseries", "job_risk:mlops_predictions:rate5m", "by (risk)")]
    [InlineData("timeseries", "job_source:mlops_predictions:rate5m", "by (source)")]
    [InlineData("timeseries", "job_endpoint_code:http_requests_received:rate5m", "by (endpoint, code)")]
    [InlineData("timeseries", "job_endpoint:http_request_duration_seconds:p50_rate5m", "")]
    [InlineData("timeseries", "job_endpoint:http_request_duration_seconds:p99_rate5m", "")]
    [InlineData("timeseries", "mlops_prediction_log_queue_length", "")]
    [InlineData("timeseries", "mlops_prediction_log_dropped_total", "")]
    [InlineData("stat", "mlops_model_info", "model_version")]
    [InlineData("timeseries", "mlops_performance_estimated", "")]
    [InlineData("bargauge", "mlops_performance_realised", "by (period)")]
    [InlineData("stat", "mlops_labels_received_total", "")]
    public void It_shows(string panelType, string metric, string alsoContains)
    {
        var shows = Dashboard.Panels
            .Where(p => p.Type == panelType)
            .SelectMany(p => p.Targets)
            .Any(t => PromQlMetricNames.Extract(t.Expression).Contains(metric) && t.Expression.Contains(alsoContains, StringComparison.Ordinal));

        Assert.True(shows, $"no {panelType} panel reads {metric} {alsoContains}");
    }

    [Fact]
    public void Panels_fit_the_grid_without_overlapping()
    {
        var panels = Dashboard.Panels;
        foreach (var panel in panels)
        {
            Assert.True(panel.Position is { X: >= 0, Width: > 0, Height: > 0 } && panel.Position.X + panel.Position.Width <= 24, $"panel '{panel.Title}' leaves the 24-column grid");
        }

        for (var i = 0; i < panels.Count; i++)
        {
            for (var j = i + 1; j < panels.Count; j++)
            {
                Assert.False(panels[i].Position.Overlaps(panels[j].Position), $"panels '{panels[i].Title}' and '{panels[j].Title}' overlap");
            }
        }
    }

    [Fact]
    public async Task Every_query_is_valid_promql()
    {
        // promtool parses the queries as recording rules, with Grafana's variables set as Grafana would.
        using var temp = new TemporaryDirectory();
        var rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        var expressions = Dashboard.Panels.SelectMany(p => p.Targets).Select(t => t.Expression).ToList();
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i]
                .Replace("$__rate_interval", "20s", StringComparison.Ordinal)
                .Replace("$__range", "30m", StringComparison.Ordinal)
                .Replace("$dataset_name", ".*", StringComparison.Ordinal);
            rules.Append("      - record: dashboard:query_").Append(i).Append('\n')
                .Append("        expr: ").Append(JsonSerializer.Serialize(expression)).Append('\n');
        }

        File.WriteAllText(temp.File("dashboard-rules.yml"), rules.ToString());

        var check = await Promtool.RunAsync("check", "rules", temp.File("dashboard-rules.yml"));

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains($"SUCCESS: {expressions.Count} rules found", check.StandardOutput, StringComparison.Ordinal);
    }
}
