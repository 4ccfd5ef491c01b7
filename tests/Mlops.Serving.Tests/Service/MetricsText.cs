using System.Globalization;

namespace Mlops.Serving.Tests.Service;

/// <summary>Reads samples out of the Prometheus text format: <c>name{labels} value</c>.</summary>
internal static class MetricsText
{
    /// <summary>The value of the one sample with exactly this name and these labels (in the order the service writes them), or null.</summary>
    public static double? Value(string metrics, string sample)
    {
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(sample + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(sample.Length + 1)..].Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The sum of every sample of <paramref name="name"/> whose line holds all of <paramref name="containing"/>.</summary>
    public static double Sum(string metrics, string name, params string[] containing) =>
        metrics.Split('\n')
            .Where(l => (l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal)) && containing.All(c => l.Contains(c, StringComparison.Ordinal)))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
}
