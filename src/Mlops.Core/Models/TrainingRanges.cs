using System.Globalization;
using Mlops.Core.Problems;

namespace Mlops.Core.Models;

/// <summary>
/// What a model saw in training, per feature of its problem, read once from its card: a number outside
/// the card's range, or a category never seen in training, goes to the fallback rules (the talk's
/// "power 20") — in the service, and in the analysis that counts how many requests would fall back. A feature without a range on the card (a dropped input) is never outside;
/// a missing value the card imputes nothing for (NaN, the classifier's to handle) is never outside either.
/// </summary>
public sealed class TrainingRanges
{
    private readonly FeatureCheck?[] _checks;

    private TrainingRanges(FeatureCheck?[] checks) => _checks = checks;

    /// <summary>No ranges at all: only the baseline answers, nothing to check.</summary>
    public static TrainingRanges None { get; } = new([]);

    public static TrainingRanges Of(ModelCard card, ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(problem);
        var checks = new FeatureCheck?[problem.Features.Count];
        for (var i = 0; i < checks.Length; i++)
        {
            var feature = problem.Features[i];
            if (feature.Kind == FeatureType.Categorical)
            {
                if (card.TrainingCategories?.TryGetValue(feature.Name, out var seen) == true)
                {
                    var categories = feature.Categories ?? [];
                    checks[i] = FeatureCheck.Categories(feature, [.. categories.Select(c => seen.Contains(c.Text, StringComparer.Ordinal))]);
                }
            }
            else if (card.FeatureRanges.TryGetValue(feature.Name, out var range))
            {
                checks[i] = FeatureCheck.Numbers(feature, range);
            }
        }

        return new TrainingRanges(checks);
    }

    /// <summary>The first feature (in the problem's order) outside what the model saw, with why; null when all are inside.</summary>
    public (string Feature, string Reason)? Outside(ReadOnlySpan<double> features)
    {
        for (var i = 0; i < _checks.Length; i++)
        {
            if (_checks[i] is { } check && check.Outside(features[i]) is { } reason)
            {
                return (check.Name, reason);
            }
        }

        return null;
    }

    /// <summary>Whether feature <paramref name="index"/> (in the problem's order) has a range or a set of seen categories on the card.</summary>
    public bool IsChecked(int index) => index < _checks.Length && _checks[index] is not null;

    /// <summary>Whether <paramref name="value"/> of feature <paramref name="index"/> is outside what the model saw.</summary>
    public bool IsOutside(int index, double value) => index < _checks.Length && _checks[index]?.Outside(value) is not null;

    /// <summary>
    /// One feature's check. Numbers (and binary values): the card's range, inclusive. Categories: those the
    /// card lists as seen in training; a valid category of the schema that training never saw is outside.
    /// </summary>
    private sealed class FeatureCheck
    {
        private readonly FeatureDefinition _feature;
        private readonly FeatureRange? _range;
        private readonly bool[]? _seen;

        private FeatureCheck(FeatureDefinition feature, FeatureRange? range, bool[]? seen)
        {
            _feature = feature;
            _range = range;
            _seen = seen;
        }

        public string Name => _feature.Name;

        public static FeatureCheck Numbers(FeatureDefinition feature, FeatureRange range) => new(feature, range, null);

        public static FeatureCheck Categories(FeatureDefinition feature, bool[] seen) => new(feature, null, seen);

        public string? Outside(double value)
        {
            if (double.IsNaN(value))
            {
                return null;
            }

            if (_seen is not null)
            {
                var index = (int)value;
                return index >= 0 && index < _seen.Length && !_seen[index]
                    ? $"{_feature.Name} {Excerpt.Quote(_feature.Categories![index].Text)} was never seen in training"
                    : null;
            }

            return _range!.Contains(value)
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"{_feature.Name} {value:0.###} is outside the training range [{_range.Min:0.###}, {_range.Max:0.###}]");
        }
    }
}
