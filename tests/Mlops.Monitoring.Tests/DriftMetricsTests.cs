using System.Text.RegularExpressions;
using Mlops.Monitoring.Configuration;
using Mlops.Monitoring.Metrics;
using Mlops.Testing;

namespace Mlops.Monitoring.Tests;

public sealed partial class DriftMetricsTests
{
    [Fact]
    public void Every_line_is_valid_prometheus_text_and_families_are_not_split()
    {
        var monitor = new DriftMonitor(MonitorConfig.ForReference(RepositoryPaths.SeedMonth(0)) with { WindowSize = 50 });
        Assert.NotNull(monitor.Add("insurance", SyntheticRows.Insurance(60)));
        var text = DriftMetrics.Render(monitor);

        var families = new List<string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                families.Add(line.Split(' ')[2]);
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample line: {line}");
            Assert.Equal(families[^1], match.Groups["name"].Value);
        }

        Assert.Equal(families.Count, families.Distinct().Count());
        Assert.Contains("evidently:data_drift:p_value", families);
        Assert.Contains("mlops_rows_received_total{dataset_name=\"insurance\"} 60\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_values_and_special_numbers_are_escaped()
    {
        var text = new PrometheusTextWriter().Family("m", "gauge", "h").Sample("m", double.NaN, ("l", "a\"b\\c\nd")).ToString();
        Assert.Contains("m{l=\"a\\\"b\\\\c\\nd\"} NaN\n", text, StringComparison.Ordinal);
        Assert.Equal("+Inf", PrometheusTextWriter.FormatValue(double.PositiveInfinity));
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*"(,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")*\})? (NaN|[+-]Inf|-?[0-9.eE+-]+)$""")]
    private static partial Regex SampleLine();
}
