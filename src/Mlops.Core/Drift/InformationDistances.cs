using Mlops.Core.Data;

namespace Mlops.Core.Drift;

/// <summary>
/// The distances Evidently computes on binned shares (<see cref="BinnedDistribution"/>): Jensen–Shannon
/// distance (<c>scipy.spatial.distance.jensenshannon</c> with SciPy's default base, the natural logarithm,
/// no zero filling), population stability index and Kullback–Leibler divergence (<c>scipy.stats.entropy</c>,
/// natural log, zeros filled). All three use the natural logarithm, as Evidently calls SciPy: its
/// <c>_jensenshannon</c> passes no base. In base 2 every Jensen–Shannon score would be 1/√ln 2 ≈ 1.20 times
/// Evidently's against the same 0.1 threshold (the seed's emergency braking then drifts from month 9, not 10).
/// </summary>
public static class InformationDistances
{
    public static double JensenShannon(SortedSample reference, SortedSample current, FeatureKind kind)
    {
        var bins = BinnedDistribution.Of(reference, current, kind, fillZeroes: false);
        return JensenShannon(bins.Reference, bins.Current);
    }

    public static double PopulationStabilityIndex(SortedSample reference, SortedSample current, FeatureKind kind)
    {
        var bins = BinnedDistribution.Of(reference, current, kind, fillZeroes: true);
        return PopulationStabilityIndex(bins.Reference, bins.Current);
    }

    public static double KullbackLeibler(SortedSample reference, SortedSample current, FeatureKind kind)
    {
        var bins = BinnedDistribution.Of(reference, current, kind, fillZeroes: true);
        return KullbackLeibler(bins.Reference, bins.Current);
    }

    /// <summary>√(½·(KL(p‖m) + KL(q‖m))) in nats, with m the mean of the normalised p and q: at most √ln 2 ≈ 0.833.</summary>
    public static double JensenShannon(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var sp = Sum(p);
        var sq = Sum(q);
        double left = 0, right = 0;
        for (var i = 0; i < p.Count; i++)
        {
            var pi = p[i] / sp;
            var qi = q[i] / sq;
            var m = (pi + qi) / 2.0;
            left += RelativeEntropy(pi, m);
            right += RelativeEntropy(qi, m);
        }

        return Math.Sqrt((left + right) / 2.0);
    }

    /// <summary>Σ (r − c)·ln(r / c) over the buckets.</summary>
    public static double PopulationStabilityIndex(IReadOnlyList<double> reference, IReadOnlyList<double> current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var psi = 0.0;
        for (var i = 0; i < reference.Count; i++)
        {
            psi += (reference[i] - current[i]) * Math.Log(reference[i] / current[i]);
        }

        return psi;
    }

    /// <summary>KL(p‖q) = Σ p·ln(p / q) after normalising both to sum 1, as <c>scipy.stats.entropy(p, q)</c>.</summary>
    public static double KullbackLeibler(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        var sp = Sum(p);
        var sq = Sum(q);
        var kl = 0.0;
        for (var i = 0; i < p.Count; i++)
        {
            kl += RelativeEntropy(p[i] / sp, q[i] / sq);
        }

        return kl;
    }

    /// <summary><c>scipy.special.rel_entr</c>: x·ln(x/y), 0 when x = 0, ∞ when only y is 0.</summary>
    private static double RelativeEntropy(double x, double y) => x > 0 && y > 0
        ? x * Math.Log(x / y)
        : x == 0 && y >= 0 ? 0 : double.PositiveInfinity;

    private static double Sum(IReadOnlyList<double> values)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}
