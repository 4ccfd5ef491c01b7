using Mlops.Testing.Observability;

namespace Mlops.Deploy.Tests;

public sealed class PrometheusExpositionTests
{
    // The shape prometheus-net writes: families with HELP and TYPE, a family with no series yet,
    // a histogram, a colon name, an unlabelled gauge.
    private const string PrometheusNet = """
        # HELP mlops_predictions_total Predictions answered.
        # TYPE mlops_predictions_total counter
        mlops_predictions_total{risk="high",source="ml",model_version="v1"} 12
        # HELP mlops_prediction_errors_total Prediction errors.
        # TYPE mlops_prediction_errors_total counter
        # HELP http_request_duration_seconds The duration of HTTP requests processed by an ASP.NET Core application.
        # TYPE http_request_duration_seconds histogram
        http_request_duration_seconds_sum{code="200",method="POST",endpoint="/predict"} 0.5
        http_request_duration_seconds_count{code="200",method="POST",endpoint="/predict"} 3
        http_request_duration_seconds_bucket{code="200",method="POST",endpoint="/predict",le="0.001"} 1
        # TYPE evidently:data_drift:dataset_drift gauge
        evidently:data_drift:dataset_drift{dataset_name="production"} 1
        mlops_fallback_rate 0.05 1700000000000
        """;

    [Fact]
    public void MetricNames_reads_samples_and_announced_families()
    {
        var names = PrometheusExposition.MetricNames(PrometheusNet);

        Assert.Equal(
            [
                "evidently:data_drift:dataset_drift",
                "http_request_duration_seconds",
                "http_request_duration_seconds_bucket",
                "http_request_duration_seconds_count",
                "http_request_duration_seconds_sum",
                "mlops_fallback_rate",
                "mlops_prediction_errors_total",
                "mlops_predictions_total",
            ],
            names);
    }

    [Fact]
    public void MetricNames_knows_the_openmetrics_counter_family()
    {
        var names = PrometheusExposition.MetricNames("# TYPE mlops_model_reloads counter\nmlops_model_reloads_total 2\n# EOF\n");

        Assert.Equal(["mlops_model_reloads", "mlops_model_reloads_total"], names);
    }

    [Fact]
    public void MetricNames_joins_several_pages()
    {
        var names = PrometheusExposition.MetricNames(["a 1\n", "b{x=\"1\"} 2\n"]);

        Assert.Equal(["a", "b"], names);
    }
}
