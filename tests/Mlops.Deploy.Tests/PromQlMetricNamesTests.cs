using Mlops.Testing.Observability;

namespace Mlops.Deploy.Tests;

public sealed class PromQlMetricNamesTests
{
    [Theory]
    [InlineData("max(evidently:data_drift:dataset_drift{dataset_name=~\"$dataset_name\"})", "evidently:data_drift:dataset_drift")]
    [InlineData("histogram_quantile(0.99, sum by (le, endpoint) (rate(http_request_duration_seconds_bucket{endpoint!=\"/metrics\"}[$__rate_interval])))", "http_request_duration_seconds_bucket")]
    [InlineData("count(ALERTS{alertstate=\"firing\"}) or vector(0)", "ALERTS")]
    [InlineData("sum by (risk) (increase(a_total[$__range])) / scalar(sum(increase(a_total[$__range])))", "a_total")]
    [InlineData("rate(x_total[5m]) * on (instance) group_left (model_version) mlops_model_info", "mlops_model_info x_total")]
    [InlineData("x offset 5m > 1e3 and y > 0x1f unless z > bool Inf", "x y z")]
    [InlineData("sum(rate(x[1m])) by (job) + max without (instance) (y)", "x y")]
    [InlineData("label_replace(x, \"dst\", \"$1\", \"src\", \"(.*)\")", "x")]
    [InlineData("label_values(evidently:data_drift:dataset_drift, dataset_name)", "evidently:data_drift:dataset_drift")]
    [InlineData("label_values(dataset_name)", "")]
    [InlineData("up{job=\"prediction-service\"} == 0", "up")]
    [InlineData("rate(x[5m:30s]) # a comment naming not_a_metric", "x")]
    public void Extract_finds_exactly_the_metric_names(string expression, string expected)
    {
        var names = PromQlMetricNames.Extract(expression);

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), names);
    }
}
