namespace Mlops.Core.Drift;

/// <summary>
/// First Wasserstein (earth mover's) distance between two samples, as <c>scipy.stats.wasserstein_distance</c>:
/// the area between the two empirical CDFs. Evidently's <c>wasserstein</c> stattest divides it by the
/// reference's population standard deviation (at least 0.001) so that one threshold fits every column.
/// </summary>
public static class WassersteinDistance
{
    public static double Distance(SortedSample u, SortedSample v)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        var x = u.Values;
        var y = v.Values;
        if (x.Length == 0 || y.Length == 0)
        {
            throw new ArgumentException("the Wasserstein distance needs two non-empty samples");
        }

        double nu = x.Length, nv = y.Length;
        int i = 0, j = 0;
        var at = Math.Min(x[0], y[0]);
        var sum = 0.0;
        while (true)
        {
            while (i < x.Length && x[i] <= at)
            {
                i++;
            }

            while (j < y.Length && y[j] <= at)
            {
                j++;
            }

            if (i == x.Length && j == y.Length)
            {
                return sum;
            }

            var next = i == x.Length ? y[j] : j == y.Length ? x[i] : Math.Min(x[i], y[j]);
            sum += Math.Abs((i / nu) - (j / nv)) * (next - at);
            at = next;
        }
    }

    /// <summary>Evidently's normed distance: distance / max(std(reference), 0.001).</summary>
    public static double Normed(SortedSample reference, SortedSample current)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return Distance(reference, current) / Math.Max(reference.StandardDeviation, 0.001);
    }
}
