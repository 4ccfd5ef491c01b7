namespace Mlops.Core.Tests.Generation;

/// <summary>Two-sample KS statistic with the asymptotic p-value (Numerical Recipes' small-sample correction).</summary>
internal static class KolmogorovSmirnov
{
    public static (double Statistic, double PValue) Test(double[] a, double[] b)
    {
        var x = a.Order().ToArray();
        var y = b.Order().ToArray();
        int i = 0, j = 0;
        var d = 0.0;
        while (i < x.Length && j < y.Length)
        {
            var v = Math.Min(x[i], y[j]);
            while (i < x.Length && x[i] <= v)
            {
                i++;
            }

            while (j < y.Length && y[j] <= v)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(((double)i / x.Length) - ((double)j / y.Length)));
        }

        var en = Math.Sqrt((double)x.Length * y.Length / (x.Length + y.Length));
        return (d, KolmogorovComplement((en + 0.12 + (0.11 / en)) * d));
    }

    private static double KolmogorovComplement(double lambda)
    {
        double sum = 0, sign = 1;
        for (var k = 1; k <= 100; k++)
        {
            var term = sign * Math.Exp(-2 * k * k * lambda * lambda);
            sum += term;
            if (Math.Abs(term) < 1e-12)
            {
                break;
            }

            sign = -sign;
        }

        return Math.Clamp(2 * sum, 0, 1);
    }
}
