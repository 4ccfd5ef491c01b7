namespace Mlops.Core.Analysis;

/// <summary>Least-squares line y = a + b·x with the standard error of the slope b.</summary>
public readonly record struct LinearTrend(double Intercept, double Slope, double SlopeStandardError)
{
    public static LinearTrend Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var n = x.Count;
        if (n != y.Count)
        {
            throw new ArgumentException($"x has {n} values, y {y.Count}", nameof(y));
        }

        if (n < 2)
        {
            return new LinearTrend(n == 1 ? y[0] : double.NaN, double.NaN, double.NaN);
        }

        var meanX = x.Average();
        var meanY = y.Average();
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }

        if (sxx == 0)
        {
            return new LinearTrend(meanY, double.NaN, double.NaN);
        }

        var slope = sxy / sxx;
        var intercept = meanY - (slope * meanX);
        double residuals = 0;
        for (var i = 0; i < n; i++)
        {
            var r = y[i] - (intercept + (slope * x[i]));
            residuals += r * r;
        }

        var standardError = n > 2 ? Math.Sqrt(residuals / (n - 2) / sxx) : double.NaN;
        return new LinearTrend(intercept, slope, standardError);
    }
}
