namespace Mlops.Core.Drift;

/// <summary>The statistic and two-sided p-value of a two-sample Kolmogorov–Smirnov test.</summary>
public readonly record struct KolmogorovSmirnovResult(double Statistic, double PValue, bool Exact);

/// <summary>
/// Two-sample Kolmogorov–Smirnov test, two-sided, as <c>scipy.stats.ks_2samp(method='auto')</c>
/// (SciPy 1.10): the exact distribution when both samples have at most 10,000 values (so always for
/// the monitor's 1,500-row windows), computed with SciPy's algorithms — the closed form for equal
/// sizes, Hodges' inside method with Viehmann's 1 − p recursion otherwise.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>SciPy's <c>MAX_AUTO_N</c>: up to this size 'auto' uses the exact distribution.</summary>
    public const int MaxExactSize = 10_000;

    public static KolmogorovSmirnovResult TwoSample(SortedSample first, SortedSample second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        long n1 = first.Count, n2 = second.Count;
        if (n1 == 0 || n2 == 0)
        {
            throw new ArgumentException("the Kolmogorov–Smirnov test needs two non-empty samples");
        }

        // The largest ECDF difference as an integer multiple of 1/lcm(n1, n2): exact, no rounding.
        var g = Gcd(n1, n2);
        var lcm = n1 / g * n2;
        var h = MaxScaledDifference(first.Values, second.Values, n1, n2, g);
        var d = (double)h / lcm;
        if (Math.Max(n1, n2) > MaxExactSize)
        {
            return new KolmogorovSmirnovResult(d, Clip(AsymptoticSurvival(d, n1, n2)), Exact: false);
        }

        if (h == 0)
        {
            return new KolmogorovSmirnovResult(d, 1.0, Exact: true);
        }

        var p = n1 == n2 ? ProbabilityOutsideSquare(n1, h) : OuterProbabilityInsideMethod(n1, n2, g, h);
        return new KolmogorovSmirnovResult(d, Clip(p), Exact: true);
    }

    /// <summary>max |n2/g·i − n1/g·j| over the merged values, where i, j count values ≤ x in each sample.</summary>
    private static long MaxScaledDifference(ReadOnlySpan<double> x, ReadOnlySpan<double> y, long n1, long n2, long g)
    {
        long i = 0, j = 0, best = 0;
        var a = n2 / g;
        var b = n1 / g;
        while (i < x.Length || j < y.Length)
        {
            var v = j >= y.Length || (i < x.Length && x[(int)i] <= y[(int)j]) ? x[(int)i] : y[(int)j];
            while (i < x.Length && x[(int)i] == v)
            {
                i++;
            }

            while (j < y.Length && y[(int)j] == v)
            {
                j++;
            }

            best = Math.Max(best, Math.Abs((a * i) - (b * j)));
        }

        return best;
    }

    /// <summary>P(D ≥ h/n) for equal sizes n: SciPy's <c>_compute_prob_outside_square</c>, a Horner-like alternating sum.</summary>
    private static double ProbabilityOutsideSquare(long n, long h)
    {
        var p = 0.0;
        var k = n / h;
        while (k >= 0)
        {
            var p1 = 1.0;
            for (long j = 0; j < h; j++)
            {
                p1 = (n - (k * h) - j) * p1 / (n + (k * h) + j + 1);
            }

            p = p1 * (1.0 - p);
            k--;
        }

        return 2 * p;
    }

    /// <summary>
    /// P(D ≥ h/lcm) for different sizes: SciPy's <c>_compute_outer_prob_inside_method</c>. It walks the
    /// lattice paths column by column, keeping one sliding window, and carries 1 − p so that small
    /// p-values keep their precision.
    /// </summary>
    private static double OuterProbabilityInsideMethod(long m, long n, long g, long h)
    {
        if (m < n)
        {
            (m, n) = (n, m);
        }

        var mg = m / g;
        var ng = n / g;
        long minj = 0;
        var maxj = Math.Min((long)Math.Ceiling((double)h / mg), n + 1);
        var curlen = maxj - minj;
        var lenA = Math.Min((2 * maxj) + 2, n + 1);
        var a = new double[lenA];
        Array.Fill(a, 1.0);
        Array.Fill(a, 0.0, (int)minj, (int)(maxj - minj));
        for (long i = 1; i <= m; i++)
        {
            var lastminj = minj;
            var lastlen = curlen;
            minj = Math.Max((long)Math.Floor((double)((ng * i) - h) / mg) + 1, 0);
            minj = Math.Min(minj, n);
            maxj = Math.Min((long)Math.Ceiling((double)((ng * i) + h) / mg), n + 1);
            if (maxj <= minj)
            {
                return 1.0;
            }

            var val = minj == 0 ? 0.0 : 1.0;
            for (long jj = 0; jj < maxj - minj; jj++)
            {
                var j = jj + minj;
                val = ((a[jj + minj - lastminj] * i) + (val * j)) / (i + j);
                a[jj] = val;
            }

            curlen = maxj - minj;
            if (lastlen > curlen)
            {
                Array.Fill(a, 1.0, (int)(maxj - minj), (int)Math.Min(lastlen - curlen, lenA - (maxj - minj)));
            }
        }

        return a[maxj - minj - 1];
    }

    /// <summary>
    /// Above 10,000 values SciPy switches to <c>kstwo.sf(d, round(n1·n2/(n1+n2)))</c>. We use Kolmogorov's
    /// limiting distribution at √en·d instead, which differs from SciPy's finite-n distribution in the
    /// third decimal for such sizes; the monitor's windows never get there.
    /// </summary>
    private static double AsymptoticSurvival(double d, long n1, long n2)
    {
        var en = Math.Round((double)n1 * n2 / (n1 + n2));
        return KolmogorovSurvival(Math.Sqrt(en) * d);
    }

    /// <summary>Q(y) = 2 Σ (−1)^(k−1) exp(−2k²y²), the survival function of the Kolmogorov distribution.</summary>
    internal static double KolmogorovSurvival(double y)
    {
        if (y < 1.1e-16)
        {
            return 1.0;
        }

        if (y < 1.0)
        {
            // For small y the alternating series converges slowly; use the other form of the CDF.
            var cdf = 0.0;
            var c = -Math.PI * Math.PI / (8 * y * y);
            for (var k = 1; k < 100; k++)
            {
                var term = Math.Exp(c * ((2 * k) - 1) * ((2 * k) - 1));
                cdf += term;
                if (term <= 1e-17 * cdf)
                {
                    break;
                }
            }

            return 1.0 - (Math.Sqrt(2 * Math.PI) / y * cdf);
        }

        var x = -2.0 * y * y;
        var sign = 1.0;
        var p = 0.0;
        for (var k = 1; k < 100; k++)
        {
            var t = Math.Exp(x * k * k);
            p += sign * t;
            if (t == 0.0 || t / p <= 1.1e-16)
            {
                break;
            }

            sign = -sign;
        }

        return 2 * p;
    }

    private static double Clip(double p) => Math.Clamp(p, 0.0, 1.0);

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
