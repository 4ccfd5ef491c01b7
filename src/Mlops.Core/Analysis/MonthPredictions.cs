namespace Mlops.Core.Analysis;

/// <summary>What the model predicted in one month (month 0: the reference).</summary>
/// <param name="Month">The month.</param>
/// <param name="ClassShares">Share of rows per predicted class, by name (high, medium, low).</param>
/// <param name="MeanCertainty">Mean top probability.</param>
/// <param name="LowCertaintyShare">Share of rows whose top probability is below the fallback's minimum.</param>
/// <param name="CertaintyHistogram">Share of rows per certainty bin (<see cref="CertaintyBins.Edges"/>).</param>
public sealed record MonthPredictions(
    int Month,
    IReadOnlyDictionary<string, double> ClassShares,
    double MeanCertainty,
    double LowCertaintyShare,
    IReadOnlyList<double> CertaintyHistogram);

/// <summary>The bins of the certainty histograms: the top probability of three classes is at least 1/3.</summary>
public static class CertaintyBins
{
    public static IReadOnlyList<double> Edges { get; } = [.. Enumerable.Range(0, 15).Select(i => Math.Round(0.30 + (0.05 * i), 2))];

    public static double[] Histogram(IEnumerable<double> certainties)
    {
        ArgumentNullException.ThrowIfNull(certainties);
        var counts = new double[Edges.Count - 1];
        var n = 0;
        foreach (var c in certainties)
        {
            n++;
            var bin = (int)Math.Floor((c - Edges[0]) / 0.05);
            counts[Math.Clamp(bin, 0, counts.Length - 1)]++;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = n == 0 ? 0 : counts[i] / n;
        }

        return counts;
    }
}
