using Mlops.Core.Data;
using Mlops.Core.Drift;

namespace Mlops.Core.Analysis;

/// <summary>Reference and current shares on common bins, for the overlaid histograms.</summary>
public static class Histograms
{
    public static FeatureHistogram Of(Feature feature, double[] reference, double[] current, int month, int bins, ColumnDrift drift)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return Of(feature.Name, feature.Kind == FeatureKind.Categorical, reference, current, month, bins, drift);
    }

    /// <summary>The histograms of any feature: <paramref name="categorical"/> ones by value, numbers on common bins.</summary>
    public static FeatureHistogram Of(string feature, bool categorical, double[] reference, double[] current, int month, int bins, ColumnDrift drift)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(drift);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (categorical)
        {
            double[] categories = [.. reference.Concat(current).Distinct().Order()];
            return new FeatureHistogram(
                feature, month, "categorical", categories, Shares(reference, categories), Shares(current, categories), drift.StatTest, drift.DriftScore, drift.Drifted);
        }

        // A month in which a feature is missing on every row (a sensor down, a field no longer sent) has
        // no values to bin: its bars are empty, the reference's are drawn alone.
        double[] both = [.. reference, .. current];
        var min = both.Length == 0 ? 0 : both.Min();
        var max = both.Length == 0 ? 1 : both.Max();
        if (max <= min)
        {
            max = min + 1;
        }

        var width = (max - min) / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => i == bins ? max : min + (i * width)).ToArray();
        return new FeatureHistogram(
            feature, month, "numerical", edges, Binned(reference, min, width, bins), Binned(current, min, width, bins), drift.StatTest, drift.DriftScore, drift.Drifted);
    }

    private static double[] Shares(double[] values, double[] categories)
    {
        var shares = new double[categories.Length];
        foreach (var v in values)
        {
            shares[Array.IndexOf(categories, v)]++;
        }

        return [.. shares.Select(s => values.Length == 0 ? 0 : s / values.Length)];
    }

    private static double[] Binned(double[] values, double min, double width, int bins)
    {
        var shares = new double[bins];
        foreach (var v in values)
        {
            shares[Math.Clamp((int)Math.Floor((v - min) / width), 0, bins - 1)]++;
        }

        return [.. shares.Select(s => values.Length == 0 ? 0 : s / values.Length)];
    }
}
