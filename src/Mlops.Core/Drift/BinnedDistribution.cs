using Mlops.Core.Data;

namespace Mlops.Core.Drift;

/// <summary>
/// The shares of reference and current values per bucket, as Evidently's <c>get_binned_data</c> makes
/// them for the distance tests (Jensen–Shannon, PSI, KL): a numerical column whose reference has more
/// than 20 different values gets the Sturges bins of <c>numpy.histogram_bin_edges</c> over both samples
/// together; any other column one bucket per category of the union. With <c>fillZeroes</c> an empty
/// bucket gets a small share instead of 0 (min non-zero share / 10⁶ when that is ≤ 10⁻⁴, else 10⁻⁴), so
/// that logarithms stay finite.
/// </summary>
public sealed class BinnedDistribution
{
    /// <summary>Evidently's limit: above this many different reference values a numerical column is binned.</summary>
    public const int MaxCategoriesBeforeBinning = 20;

    private BinnedDistribution(double[] reference, double[] current)
    {
        Reference = reference;
        Current = current;
    }

    public IReadOnlyList<double> Reference { get; }

    public IReadOnlyList<double> Current { get; }

    public static BinnedDistribution Of(SortedSample reference, SortedSample current, FeatureKind kind, bool fillZeroes)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        double[] r, c;
        if (kind == FeatureKind.Numerical && reference.DistinctCount > MaxCategoriesBeforeBinning)
        {
            var edges = SturgesEdges(reference, current);
            r = Histogram(reference, edges);
            c = Histogram(current, edges);
        }
        else
        {
            var k = CategoryCounts.UnionSize(reference, current);
            r = new double[k];
            c = new double[k];
            CategoryCounts.Fill(reference, current, r, c);
            Divide(r, reference.Count);
            Divide(c, current.Count);
        }

        if (fillZeroes)
        {
            FillZeroes(r);
            FillZeroes(c);
        }

        return new BinnedDistribution(r, c);
    }

    /// <summary>
    /// <c>numpy.histogram_bin_edges(concat(reference, current), bins='sturges')</c>: width = range / (log₂ n + 1),
    /// ⌈range / width⌉ equal bins from the minimum to the maximum, edges by <c>linspace</c>.
    /// </summary>
    internal static double[] SturgesEdges(SortedSample reference, SortedSample current)
    {
        var first = Math.Min(reference.Min, current.Min);
        var last = Math.Max(reference.Max, current.Max);
        var size = reference.Count + current.Count;
        var width = (last - first) / (Math.Log2(size) + 1.0);
        if (first == last)
        {
            first -= 0.5;
            last += 0.5;
        }

        var bins = width != 0 ? (int)Math.Ceiling((last - first) / width) : 1;
        var edges = new double[bins + 1];
        var step = (last - first) / bins;
        for (var i = 0; i < bins; i++)
        {
            edges[i] = (i * step) + first;
        }

        edges[bins] = last;
        return edges;
    }

    /// <summary><c>numpy.histogram(values, edges)[0] / n</c>: half-open bins, the last one closed.</summary>
    private static double[] Histogram(SortedSample sample, double[] edges)
    {
        var shares = new double[edges.Length - 1];
        var below = sample.CountBelow(edges[0]);
        for (var b = 0; b < shares.Length; b++)
        {
            var upTo = b == shares.Length - 1 ? sample.CountAtOrBelow(edges[b + 1]) : sample.CountBelow(edges[b + 1]);
            shares[b] = (double)(upTo - below) / sample.Count;
            below = upTo;
        }

        return shares;
    }

    private static void Divide(double[] counts, int total)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] /= total;
        }
    }

    private static void FillZeroes(double[] shares)
    {
        var smallest = double.PositiveInfinity;
        foreach (var share in shares)
        {
            if (share != 0 && share < smallest)
            {
                smallest = share;
            }
        }

        var filler = smallest <= 0.0001 ? smallest / 1_000_000 : 0.0001;
        for (var i = 0; i < shares.Length; i++)
        {
            if (shares[i] == 0)
            {
                shares[i] = filler;
            }
        }
    }
}
