namespace Mlops.Testing.Observability;

/// <summary>
/// The metric names a live <c>/metrics</c> page offers, read from Prometheus' text exposition format
/// (and OpenMetrics). A family announced by <c># TYPE</c> counts even before it has a sample, and
/// a histogram's or summary's family name stands for the series Prometheus stores for it
/// (<c>_bucket</c>, <c>_sum</c>, <c>_count</c>). Note: prometheus-net writes a labelled family only
/// once one of its label sets exists, so a scrape taken before any error was counted may lack
/// <c>mlops_prediction_errors_total</c>; publish label sets at start-up or provoke them first.
/// </summary>
public static class PrometheusExposition
{
    public static IReadOnlySet<string> MetricNames(string exposition)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in exposition.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                AddFamily(line, names);
                continue;
            }

            var end = line.IndexOfAny(['{', ' ', '\t']);
            names.Add(end < 0 ? line : line[..end]);
        }

        return names;
    }

    /// <summary>The names of several pages together, e.g. the service's and the monitor's.</summary>
    public static IReadOnlySet<string> MetricNames(IEnumerable<string> expositions)
    {
        ArgumentNullException.ThrowIfNull(expositions);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var exposition in expositions)
        {
            names.UnionWith(MetricNames(exposition));
        }

        return names;
    }

    private static void AddFamily(string line, SortedSet<string> names)
    {
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || parts[1] is not ("TYPE" or "HELP"))
        {
            return;
        }

        var family = parts[2];
        names.Add(family);
        if (parts[1] != "TYPE" || parts.Length < 4)
        {
            return;
        }

        switch (parts[3])
        {
            case "histogram":
                names.UnionWith([family + "_bucket", family + "_sum", family + "_count"]);
                break;
            case "summary":
                names.UnionWith([family + "_sum", family + "_count"]);
                break;
            // OpenMetrics names a counter's family without the _total its samples carry.
            case "counter" when !family.EndsWith("_total", StringComparison.Ordinal):
                names.Add(family + "_total");
                break;
            default:
                break;
        }
    }
}
