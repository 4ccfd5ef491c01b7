using System.Globalization;
using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>
/// The hard bounds of a numeric feature: a value outside them is impossible (no customer drives negative
/// miles), not merely unusual. Data quality counts such values; unlike the training range, these bounds
/// never move with the data. <c>at_least</c>/<c>at_most</c> include the bound, <c>above</c>/<c>below</c> exclude it.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ValidityBounds
{
    public double? AtLeast { get; init; }

    public double? Above { get; init; }

    public double? AtMost { get; init; }

    public double? Below { get; init; }

    public bool IsPossible(double value) =>
        !(value < AtLeast || value <= Above || value > AtMost || value >= Below);

    /// <summary>The impossible values of <paramref name="feature"/> in words: <c>age ≤ 0</c>, <c>miles &lt; 0</c>.</summary>
    public string DescribeImpossible(string feature)
    {
        var parts = new List<string>();
        Add(AtLeast, "<");
        Add(Above, "≤");
        Add(AtMost, ">");
        Add(Below, "≥");
        return string.Join(" or ", parts);

        void Add(double? bound, string comparison)
        {
            if (bound is { } b)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{feature} {comparison} {b}"));
            }
        }
    }

    /// <summary>The possible values in words: <c>≥ 0</c>, <c>&gt; 0 and ≤ 150</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        Add(AtLeast, "≥");
        Add(Above, ">");
        Add(AtMost, "≤");
        Add(Below, "<");
        return string.Join(" and ", parts);

        void Add(double? bound, string comparison)
        {
            if (bound is { } b)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{comparison} {b}"));
            }
        }
    }

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
        if (lower is null && upper is null)
        {
            return "is empty: give at_least, above, at_most or below";
        }

        return lower is { } l && upper is { } u && (l > u || (l == u && (Above is not null || Below is not null)))
            ? string.Create(CultureInfo.InvariantCulture, $"admits no value (lower bound {l}, upper bound {u})")
            : null;
    }
}
