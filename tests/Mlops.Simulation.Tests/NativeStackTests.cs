using Mlops.Core.Data;
using Mlops.Testing;
using Mlops.Testing.Observability;

namespace Mlops.Simulation.Tests;

/// <summary>
/// The native stack without Docker: the real service (a trained model in production) and monitor on
/// loopback ports, Debian's Prometheus with <c>deploy/prometheus/prometheus.native.yml</c> rendered for
/// them, a short simulation — and then what Grafana and the alerts would read, asked of Prometheus.
/// </summary>
public sealed class NativeStackTests
{
    // As the monitor exports them: under the seed reference's spelling.
    private static readonly string[] Features = [.. Feature.All.Select(f => SimulationOutput.InSeedSpelling(f.Name))];

    [Fact]
    public async Task Prometheus_scrapes_drift_and_fallback_series_with_their_labels_and_loads_the_alerts()
    {
        await using var sandbox = new SimulationSandbox();
        var monitor = await sandbox.StartMonitorAsync();
        var service = await sandbox.StartServiceAsync("--monitor", monitor.Url);

        // Every name the dashboard and the alerts read is on the live pages from the start, before any traffic.
        Assert.Empty(ObservabilityContract.MissingFrom(await LiveMetricNamesAsync(service, monitor)));

        using var folder = new TemporaryDirectory("mlops-prometheus");
        var config = PrometheusConfig.RenderNative(folder.File("config"), service.Target, monitor.Target);
        ScrapeEverySecond(config);
        await using var prometheus = await PrometheusServer.StartAsync(config, folder.File("data"));

        var output = SimulationOutput.Of(await sandbox.SimulateAsync("--service", service.Url, "--monitor", monitor.Url, "--months", "1-3", "--json"));
        var month3 = output.Month(3);
        Assert.Equal(4500, output.Root.GetProperty("answered").GetInt32());

        // Scraped after the replay: every answer counted, by class, source and model version.
        var predictions = await prometheus.WaitForAsync("mlops_predictions_total", r => r.Sum(s => s.Value) == 4500, TimeSpan.FromSeconds(30));
        Assert.All(predictions, s =>
        {
            Assert.Equal("prediction-service", s["job"]);
            Assert.Equal(service.Target, s["instance"]);
            Assert.Contains(s["risk"], new[] { "high", "medium", "low" });
            Assert.Contains(s["source"], new[] { "ml", "baseline_out_of_range", "baseline_low_probability", "baseline" });
            Assert.Equal("v1", s["model_version"]);
        });
        Assert.Equal(month3.GetProperty("fallback").GetInt32() + output.Month(1).GetProperty("fallback").GetInt32() + output.Month(2).GetProperty("fallback").GetInt32(),
            predictions.Where(s => s["source"] != "ml").Sum(s => s.Value));

        // The fallback rate over the last 1,500 answers: month 3 exactly.
        var fallback = Assert.Single(await prometheus.QueryAsync("mlops_fallback_rate"));
        Assert.Equal("prediction-service", fallback["job"]);
        Assert.Equal(month3.GetProperty("fallback_rate").GetDouble(), fallback.Value, 12);

        // The drift of month 3's window, under the Evidently names the seed's dashboard queries.
        await prometheus.WaitForAsync("mlops_rows_received_total", r => r.Count == 1 && r[0].Value == 4500, TimeSpan.FromSeconds(30));
        var datasetDrift = Assert.Single(await prometheus.QueryAsync("evidently:data_drift:dataset_drift"));
        Assert.Equal(("insurance", "drift-monitor", monitor.Target), (datasetDrift["dataset_name"], datasetDrift["job"], datasetDrift["instance"]));
        Assert.Equal(SimulationOutput.DatasetDrift(month3) ? 1 : 0, datasetDrift.Value);

        var scores = await prometheus.QueryAsync("evidently:data_drift:p_value");
        Assert.Equal(Features.Order(), scores.Select(s => s["feature"]).Order());
        Assert.All(scores, s =>
        {
            Assert.Equal("insurance", s["dataset_name"]);
            Assert.Equal(Feature.All.Single(f => f.Name == InsuranceCsvFormat.Canonical(s["feature"])).Kind == FeatureKind.Numerical ? "num" : "cat", s["feature_type"]);
            Assert.Equal(month3.GetProperty("drift").GetProperty("scores").GetProperty(s["feature"]).GetDouble(), s.Value, 12);
        });

        // Both targets up, and every alert of deploy/prometheus/alerts.yml loaded and healthy.
        var up = await prometheus.QueryAsync("up");
        Assert.Equal(["drift-monitor", "prediction-service"], up.Select(s => s["job"]).Order());
        Assert.All(up, s => Assert.Equal(1, s.Value));
        var rules = (await prometheus.RulesAsync()).GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray().Select(r => (Group: g.GetProperty("name").GetString()!, Rule: r)))
            .ToList();
        var expected = AlertRule.Load(DeployFiles.AlertRules);
        Assert.Equal(expected.Select(a => (a.Group, a.Name)).Order(), rules.Select(r => (r.Group, r.Rule.GetProperty("name").GetString()!)).Order());
        Assert.All(rules, r =>
        {
            Assert.Equal("alerting", r.Rule.GetProperty("type").GetString());
            Assert.Equal("ok", r.Rule.GetProperty("health").GetString());
        });

        // And still after traffic: the live pages offer every name the dashboard and the alerts use.
        Assert.Empty(ObservabilityContract.MissingFrom(await LiveMetricNamesAsync(service, monitor)));
    }

    /// <summary>The template scrapes every 5 s, right for people; a test wants the numbers within a second.</summary>
    private static void ScrapeEverySecond(string config)
    {
        var text = File.ReadAllText(config);
        Assert.Contains("scrape_interval: 5s", text, StringComparison.Ordinal);
        Assert.Contains("evaluation_interval: 5s", text, StringComparison.Ordinal);
        File.WriteAllText(config, text
            .Replace("scrape_interval: 5s", "scrape_interval: 1s", StringComparison.Ordinal)
            .Replace("evaluation_interval: 5s", "evaluation_interval: 1s", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlySet<string>> LiveMetricNamesAsync(ServiceProcess service, ServiceProcess monitor) =>
        PrometheusExposition.MetricNames([
            await service.Http.GetStringAsync(new Uri("metrics", UriKind.Relative)),
            await monitor.Http.GetStringAsync(new Uri("metrics", UriKind.Relative)),
        ]);
}
