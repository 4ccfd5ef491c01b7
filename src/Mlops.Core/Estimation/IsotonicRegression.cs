namespace Mlops.Core.Estimation;

/// <summary>
/// A non-decreasing step-and-line fit of y on x (pool adjacent violators), as scikit-learn's
/// <c>IsotonicRegression(increasing=True, out_of_bounds="clip")</c> that NannyML calibrates with:
/// equal x are pooled first (weighted mean), predictions interpolate linearly between the fitted
/// points and are clipped to the first and last one outside the fitted range.
/// </summary>
public sealed class IsotonicRegression
{
    private readonly double[] _x;
    private readonly double[] _y;

    private IsotonicRegression(double[] x, double[] y)
    {
        _x = x;
        _y = y;
    }

    /// <summary>The fitted points: distinct x ascending, y non-decreasing.</summary>
    public IReadOnlyList<double> X => _x;

    public IReadOnlyList<double> Y => _y;

    public static IsotonicRegression Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values, y {y.Count}", nameof(y));
        }

        if (x.Count == 0)
        {
            throw new ArgumentException("nothing to fit", nameof(x));
        }

        var order = Enumerable.Range(0, x.Count).OrderBy(i => x[i]).ToArray();

        // Pool equal x: one point per distinct x with the mean y and the count as weight.
        var xs = new List<double>();
        var sums = new List<double>();
        var weights = new List<double>();
        foreach (var i in order)
        {
            if (xs.Count > 0 && xs[^1] == x[i])
            {
                sums[^1] += y[i];
                weights[^1] += 1;
            }
            else
            {
                xs.Add(x[i]);
                sums.Add(y[i]);
                weights.Add(1);
            }
        }

        // Pool adjacent violators: blocks of consecutive points whose means are non-decreasing.
        var blockSum = new List<double>();
        var blockWeight = new List<double>();
        var blockEnd = new List<int>();
        for (var i = 0; i < xs.Count; i++)
        {
            blockSum.Add(sums[i]);
            blockWeight.Add(weights[i]);
            blockEnd.Add(i);
            while (blockSum.Count > 1 && blockSum[^2] / blockWeight[^2] > blockSum[^1] / blockWeight[^1])
            {
                blockSum[^2] += blockSum[^1];
                blockWeight[^2] += blockWeight[^1];
                blockEnd[^2] = blockEnd[^1];
                blockSum.RemoveAt(blockSum.Count - 1);
                blockWeight.RemoveAt(blockWeight.Count - 1);
                blockEnd.RemoveAt(blockEnd.Count - 1);
            }
        }

        var fitted = new double[xs.Count];
        var start = 0;
        for (var b = 0; b < blockSum.Count; b++)
        {
            var mean = blockSum[b] / blockWeight[b];
            for (var i = start; i <= blockEnd[b]; i++)
            {
                fitted[i] = mean;
            }

            start = blockEnd[b] + 1;
        }

        return new IsotonicRegression([.. xs], fitted);
    }

    public double Predict(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x <= _x[0])
        {
            return _y[0];
        }

        if (x >= _x[^1])
        {
            return _y[^1];
        }

        var upper = Array.BinarySearch(_x, x);
        if (upper >= 0)
        {
            return _y[upper];
        }

        upper = ~upper;
        var lower = upper - 1;
        var t = (x - _x[lower]) / (_x[upper] - _x[lower]);
        return _y[lower] + (t * (_y[upper] - _y[lower]));
    }
}
