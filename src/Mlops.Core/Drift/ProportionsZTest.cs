using MathNet.Numerics.Distributions;

namespace Mlops.Core.Drift;

/// <summary>
/// Z-test for the difference of two proportions, two-sided — Evidently's <c>z</c> stattest for binary
/// columns. The proportion is the share of values different from the smallest category of the union.
/// </summary>
public static class ProportionsZTest
{
    public static double PValue(SortedSample reference, SortedSample current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        if (reference.DistinctCount == 1 && current.DistinctCount == 1 && reference.Min == current.Min)
        {
            // Both sides hold one and the same value: no difference at all (Evidently returns 1 here).
            return 1.0;
        }

        var first = Math.Min(reference.Min, current.Min);
        var n1 = (double)reference.Count;
        var n2 = (double)current.Count;
        var p1 = (reference.Count - reference.CountAtOrBelow(first)) / n1;
        var p2 = (current.Count - current.CountAtOrBelow(first)) / n2;
        var pooled = ((p1 * n1) + (p2 * n2)) / (n1 + n2);
        var z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));

        // Evidently's form 2·(1 − Φ(|z|)), kept as is so tiny p-values round the same way.
        return 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
    }
}
