using System.Globalization;
using Mlops.Core.Models;
using Mlops.Core.Problems;

namespace Mlops.Serving.Fallback;

/// <summary>
/// What the served model saw in training, per feature of its problem, read once from its card: a
/// number outside the card's range, or a category never seen in training, goes to the fallback rules
/// (the talk's "power 20"). A feature without a range on the card (a dropped input) is never outside;
/// a missing value (NaN, imputed by the model) is judged by nobody here.
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
            if (!card.FeatureRanges.TryGetValue(feature.Name, out var range))
            {
                continue;
            }

            checks[i] = feature.Kind == FeatureType.Categorical
                ? new FeatureCheck(feature, range, feature.Categories ?? [])
                : new FeatureCheck(feature, range, null);
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

    /// <summary>
    /// One feature's check. Numbers: the card's range, inclusive. Categories: the card's range over the
    /// category indices the training data held; a valid category of the schema outside it was never seen.
    /// </summary>
    private sealed class FeatureCheck(FeatureDefinition feature, FeatureRange range, IReadOnlyList<ColumnValue>? categories)
    {
        public string Name => feature.Name;

        public string? Outside(double value)
        {
            if (double.IsNaN(value) || range.Contains(value))
            {
                return null;
            }

            return categories is null
                ? string.Create(CultureInfo.InvariantCulture, $"{feature.Name} {value:0.###} is outside the training range [{range.Min:0.###}, {range.Max:0.###}]")
                : $"{feature.Name} {Core.Excerpt.Quote(categories[(int)value].Text)} was never seen in training";
        }
    }
}
