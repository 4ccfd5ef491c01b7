namespace Mlops.Core.Statistics;

/// <summary>Summary of one numeric column: count, mean, sample standard deviation, min and max.</summary>
public sealed record ColumnStatistics(string Column, int Count, double Mean, double StandardDeviation, double Min, double Max)
{
    public static ColumnStatistics Of(string column, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new ColumnStatistics(column, 0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        // Welford's update keeps the variance accurate without a second pass.
        double mean = 0, m2 = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < values.Count; i++)
        {
            var x = values[i];
            var delta = x - mean;
            mean += delta / (i + 1);
            m2 += delta * (x - mean);
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        var std = values.Count > 1 ? Math.Sqrt(m2 / (values.Count - 1)) : 0;
        return new ColumnStatistics(column, values.Count, mean, std, min, max);
    }
}
