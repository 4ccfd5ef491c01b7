namespace Mlops.Core.Drift;

/// <summary>
/// One column of a sample, sorted once, with the few summaries every drift test needs. The hot path
/// of the monitor reloads the same instance for every window, so a window costs one copy and one sort
/// per column and no allocation once the buffer has grown. Missing values (NaN) are dropped, as
/// Evidently (pandas) does.
/// </summary>
public sealed class SortedSample
{
    private double[] _values;

    public SortedSample(int capacity = 0)
    {
        _values = capacity > 0 ? new double[capacity] : [];
    }

    public static SortedSample Of(ReadOnlySpan<double> values)
    {
        var sample = new SortedSample(values.Length);
        sample.Load(values);
        return sample;
    }

    /// <summary>The values in ascending order.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(0, Count);

    public int Count { get; private set; }

    /// <summary>Number of different values (pandas' <c>nunique</c>).</summary>
    public int DistinctCount { get; private set; }

    public double Min => Count == 0 ? double.NaN : _values[0];

    public double Max => Count == 0 ? double.NaN : _values[Count - 1];

    public double Mean { get; private set; }

    /// <summary>Population standard deviation (ddof = 0), as <c>numpy.std</c>.</summary>
    public double StandardDeviation { get; private set; }

    /// <summary>Replaces the content with <paramref name="first"/> followed by <paramref name="second"/> (the two halves of a ring buffer).</summary>
    public void Load(ReadOnlySpan<double> first, ReadOnlySpan<double> second = default)
    {
        var needed = first.Length + second.Length;
        if (_values.Length < needed)
        {
            _values = new double[needed];
        }

        var count = 0;
        count = CopyPresent(first, count);
        count = CopyPresent(second, count);
        Count = count;
        Array.Sort(_values, 0, count);
        Summarize();
    }

    private int CopyPresent(ReadOnlySpan<double> source, int count)
    {
        foreach (var value in source)
        {
            if (!double.IsNaN(value))
            {
                _values[count++] = value;
            }
        }

        return count;
    }

    private void Summarize()
    {
        var values = Values;
        if (values.Length == 0)
        {
            DistinctCount = 0;
            Mean = StandardDeviation = double.NaN;
            return;
        }

        var distinct = 1;
        var sum = values[0];
        for (var i = 1; i < values.Length; i++)
        {
            sum += values[i];
            if (values[i] != values[i - 1])
            {
                distinct++;
            }
        }

        var mean = sum / values.Length;
        var squares = 0.0;
        foreach (var value in values)
        {
            var d = value - mean;
            squares += d * d;
        }

        DistinctCount = distinct;
        Mean = mean;
        StandardDeviation = Math.Sqrt(squares / values.Length);
    }

    /// <summary>Number of values strictly below <paramref name="x"/> (<c>searchsorted(side='left')</c>).</summary>
    public int CountBelow(double x)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_values[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Number of values at or below <paramref name="x"/> (<c>searchsorted(side='right')</c>).</summary>
    public int CountAtOrBelow(double x)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_values[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Distinct values of the union of two samples (pandas' <c>concat(...).nunique()</c>), by one merge
    /// walk that stops once <paramref name="limit"/> values were seen (the default test only needs to
    /// know whether there are more than 5).
    /// </summary>
    public static int CombinedDistinctCount(SortedSample a, SortedSample b, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var x = a.Values;
        var y = b.Values;
        int i = 0, j = 0, distinct = 0;
        while ((i < x.Length || j < y.Length) && distinct < limit)
        {
            var v = j >= y.Length || (i < x.Length && x[i] <= y[j]) ? x[i] : y[j];
            distinct++;
            while (i < x.Length && x[i] == v)
            {
                i++;
            }

            while (j < y.Length && y[j] == v)
            {
                j++;
            }
        }

        return distinct;
    }
}
