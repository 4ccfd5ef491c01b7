using System.Net;
using Mlops.Core.Data;
using Mlops.Core.PredictionLog;

namespace Mlops.Serving.Tests.Service;

/// <summary>The metric names are a contract with the Grafana dashboard and the alert rules: exact names, labels and counts.</summary>
public sealed class MetricsServiceTests
{
    [Fact]
    public async Task Metrics_count_answers_by_risk_source_and_version_and_errors_by_kind()
    {
        using var sandbox = new ServiceSandbox();
        var folder = await TrainedModels.First();
        sandbox.Promote(sandbox.Register(folder));
        using var model = new ServedModelFacts(folder);
        var confident = model.Customers(0.5, 1.01).Take(6).ToList();
        var outOfRange = new InsuranceFeatures(false, 45, false, 40, 20, 40);
        await using var service = await sandbox.StartAsync();

        foreach (var customer in confident)
        {
            Assert.Equal(HttpStatusCode.OK, (await ServiceSandbox.PredictAsync(service.Http, customer)).Status);
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ServiceSandbox.PredictAsync(service.Http, outOfRange)).Status);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await ServiceSandbox.PostAsync(service.Http, "predict", "{oops")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ServiceSandbox.PostAsync(service.Http, "predict", "{}")).Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ServiceSandbox.PostAsync(service.Http, "predict", """{"training":1,"age":51,"emergency_braking":1,"braking_distance":30,"power":100,"miles":-5}""")).Status);
        var metrics = await service.Http.GetStringAsync("metrics");

        foreach (var group in RiskGroups.All)
        {
            var expected = confident.Count(c => model.Predict(c).Class == (int)group);
            Assert.Equal(expected, MetricsText.Value(metrics, $"mlops_predictions_total{{risk=\"{group.Name()}\",source=\"ml\",model_version=\"v1\"}}"));
        }

        var baselineGroup = TalkCustomers.Baseline(outOfRange).Name();
        Assert.Equal(2, MetricsText.Value(metrics, $"mlops_predictions_total{{risk=\"{baselineGroup}\",source=\"baseline_out_of_range\",model_version=\"v1\"}}"));
        Assert.Equal(confident.Count + 2, MetricsText.Sum(metrics, "mlops_predictions_total"));
        Assert.Equal(2.0 / (confident.Count + 2), MetricsText.Value(metrics, "mlops_fallback_rate")!.Value, 9);
        Assert.Equal(1, MetricsText.Value(metrics, $"mlops_model_info{{model_version=\"v1\",trainer=\"{model.Card.Trainer}\"}}"));
        Assert.Equal(1, MetricsText.Value(metrics, "mlops_prediction_errors_total{kind=\"bad_json\"}"));
        Assert.Equal(1, MetricsText.Value(metrics, "mlops_prediction_errors_total{kind=\"missing_field\"}"));
        Assert.Equal(1, MetricsText.Value(metrics, "mlops_prediction_errors_total{kind=\"invalid_value\"}"));
        Assert.Equal(0, MetricsText.Value(metrics, "mlops_prediction_errors_total{kind=\"too_large\"}"));
        Assert.Equal(0, MetricsText.Value(metrics, "mlops_model_reloads_total"));
        foreach (var name in new[]
        {
            "mlops_prediction_log_queue_length", "mlops_prediction_log_dropped_total", "mlops_prediction_log_written_total",
            "mlops_monitor_forward_dropped_rows_total", "mlops_monitor_forwarded_rows_total",
        })
        {
            Assert.NotNull(MetricsText.Value(metrics, name));
        }

        // Request counts and the latency histogram per endpoint, from UseHttpMetrics.
        Assert.Equal(confident.Count + 2, MetricsText.Sum(metrics, "http_request_duration_seconds_count", "endpoint=\"/predict\"", "code=\"200\""));
        Assert.Equal(3, MetricsText.Sum(metrics, "http_request_duration_seconds_count", "endpoint=\"/predict\"", "code=\"4"));
        Assert.Contains("http_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);

        // Rejected requests never reach the model or the log: after a clean stop the log holds the 8 answers.
        Assert.Equal(0, await service.StopAsync());
        await using var log = SqlitePredictionLog.Open(sandbox.PredictionLogPath);
        Assert.Equal(confident.Count + 2, await log.CountAsync());
    }
}
