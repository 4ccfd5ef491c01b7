using System.Globalization;

namespace Mlops.Core.Problems;

/// <summary>
/// Which values of a feature, as a model reads it (its vector: numbers as they are, binary 0/1, a
/// category as its index), are possible at all, and why a value is not, in the words a 422 quotes:
/// <c>must be more than 0 and at most 5000 (kW), got Infinity</c>. The bounds are the problem file's
/// (<see cref="FeatureDefinition.Valid"/>), the unit its <see cref="FeatureDefinition.Unit"/>. The
/// monitor refuses such rows with these words, so no client can poison its windows with an age of 1e308
/// (which turned its drift scores into 7.8e306).
/// </summary>
public static class PossibleValues
{
    /// <summary>Why <paramref name="value"/> is impossible for <paramref name="feature"/>, or null when it is possible; a missing value (NaN) is not judged here.</summary>
    public static string? Violation(FeatureDefinition feature, double value)
    {
        ArgumentNullException.ThrowIfNull(feature);
        if (double.IsNaN(value))
        {
            return null;
        }

        var got = string.Create(CultureInfo.InvariantCulture, $"got {value}");
        switch (feature.Kind)
        {
            case FeatureType.Binary:
                return value is 0 or 1 ? null : $"must be 0 or 1, {got}";
            case FeatureType.Categorical:
                var count = feature.Categories?.Count ?? 0;
                return value >= 0 && value < count && value == Math.Floor(value)
                    ? null
                    : string.Create(CultureInfo.InvariantCulture, $"must be one of the {count} categories of '{feature.Name}' (its name, or its index 0 to {count - 1}), {got}");
            default:
                var finite = double.IsFinite(value);
                if (finite && feature.IsPossible(value))
                {
                    return null;
                }

                var unit = feature.Unit is { } u ? $" ({u})" : "";
                if (feature.Valid is not { HasBounds: true } bounds)
                {
                    return $"must be a finite number{unit}, {got}";
                }

                // Bounds open at one end still admit infinity: say that it must be finite, too.
                var words = Words(bounds);
                return $"must be {(!finite && bounds.Contains(value) ? "a finite number " : "")}{words}{unit}, {got}";
        }
    }

    /// <summary>The values inside <paramref name="bounds"/> in words: <c>more than 0 and at most 150</c>.</summary>
    public static string Words(Interval bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        var parts = new List<string>(2);
        Add("at least", bounds.AtLeast);
        Add("more than", bounds.Above);
        Add("at most", bounds.AtMost);
        Add("less than", bounds.Below);
        return string.Join(" and ", parts);

        void Add(string words, double? bound)
        {
            if (bound is { } b)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{words} {b}"));
            }
        }
    }
}
