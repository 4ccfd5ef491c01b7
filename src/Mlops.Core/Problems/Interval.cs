using System.Globalization;

namespace Mlops.Core.Problems;

/// <summary>
/// A range of numbers as the problem file writes it: <c>at_least</c>/<c>at_most</c> include the bound,
/// <c>above</c>/<c>below</c> exclude it, an absent bound is open. The shape of a feature's validity
/// bounds and of a fallback rule's comparison.
/// </summary>
public abstract record Interval
{
    public double? AtLeast { get; init; }

    public double? Above { get; init; }

    public double? AtMost { get; init; }

    public double? Below { get; init; }

    /// <summary>True when any bound is given.</summary>
    public bool HasBounds => AtLeast is not null || Above is not null || AtMost is not null || Below is not null;

    /// <summary>True when <paramref name="value"/> is inside; a missing value (NaN) is inside nothing.</summary>
    public bool Contains(double value) =>
        !double.IsNaN(value) && !(value < AtLeast || value <= Above || value > AtMost || value >= Below);

    /// <summary>The values inside in words: <c>≥ 0</c>, <c>&gt; 0 and ≤ 150</c>.</summary>
    public override string ToString() => Join(" and ", ("≥", AtLeast), (">", Above), ("≤", AtMost), ("<", Below), null);

    /// <summary>The values outside, for <paramref name="feature"/>: <c>age ≤ 0</c>, <c>miles &lt; 0</c>.</summary>
    public string DescribeOutside(string feature) => Join(" or ", ("<", AtLeast), ("≤", Above), (">", AtMost), ("≥", Below), feature);

    /// <summary>What makes the interval unusable (two lower bounds, two upper bounds, no value inside), or null.</summary>
    internal string? Problem()
    {
        if (AtLeast is not null && Above is not null)
        {
            return "give at_least or above, not both";
        }

        if (AtMost is not null && Below is not null)
        {
            return "give at_most or below, not both";
        }

        var lower = AtLeast ?? Above;
        var upper = AtMost ?? Below;
        return lower is { } l && upper is { } u && (l > u || (l == u && (Above is not null || Below is not null)))
            ? string.Create(CultureInfo.InvariantCulture, $"admits no value (lower bound {l}, upper bound {u})")
            : null;
    }

    private static string Join(string separator, (string, double?) a, (string, double?) b, (string, double?) c, (string, double?) d, string? subject) =>
        string.Join(separator, new[] { a, b, c, d }
            .Where(p => p.Item2 is not null)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{(subject is null ? "" : subject + " ")}{p.Item1} {p.Item2}")));
}
