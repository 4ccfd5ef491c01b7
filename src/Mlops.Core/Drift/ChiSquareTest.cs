using MathNet.Numerics;

namespace Mlops.Core.Drift;

/// <summary>
/// Chi-square goodness of fit of the current category counts against the reference's counts scaled to
/// the current size — Evidently's <c>chisquare</c> stattest, which calls
/// <c>scipy.stats.chisquare(f_obs, f_exp)</c> with k − 1 degrees of freedom.
/// </summary>
public static class ChiSquareTest
{
    /// <summary>The p-value. A category absent from the reference has expected count 0: the statistic is infinite and p = 0, as in SciPy.</summary>
    public static double PValue(SortedSample reference, SortedSample current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        var k = CategoryCounts.UnionSize(reference, current);
        Span<double> expected = k <= 64 ? stackalloc double[k] : new double[k];
        Span<double> observed = k <= 64 ? stackalloc double[k] : new double[k];
        CategoryCounts.Fill(reference, current, expected, observed);
        var scale = (double)current.Count / reference.Count;
        var statistic = 0.0;
        for (var c = 0; c < k; c++)
        {
            var e = expected[c] * scale;
            var diff = observed[c] - e;
            statistic += diff * diff / e;
        }

        return PValue(statistic, k - 1);
    }

    /// <summary>Survival function of the chi-square distribution (SciPy's <c>chi2.sf</c>); NaN for no degrees of freedom, as SciPy.</summary>
    public static double PValue(double statistic, int degreesOfFreedom)
    {
        if (degreesOfFreedom <= 0 || double.IsNaN(statistic))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(statistic))
        {
            return 0.0;
        }

        return statistic <= 0 ? 1.0 : SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, statistic / 2.0);
    }
}
