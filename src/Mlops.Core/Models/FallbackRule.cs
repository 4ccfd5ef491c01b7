using System.Globalization;
using Mlops.Core.Data;

namespace Mlops.Core.Models;

/// <summary>
/// The talk's answer to "should we use the model for every request?": an input outside the ranges
/// on the model card never reaches the model, and an answer whose top probability is below the
/// minimum certainty is not trusted; in both cases the rule baseline answers. One implementation of
/// the decision, for the service and for the analysis that asks how many requests would fall back.
/// </summary>
public sealed class FallbackRule
{
    /// <summary>The talk's threshold: a top probability below one half is not trusted.</summary>
    public const double DefaultMinCertainty = 0.5;

    public FallbackRule(double minCertainty = DefaultMinCertainty)
    {
        if (!(minCertainty is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minCertainty), minCertainty, "the minimum certainty is a probability between 0 and 1");
        }

        MinCertainty = minCertainty;
    }

    public static FallbackRule Default { get; } = new();

    public double MinCertainty { get; }

    /// <summary>
    /// The first input (in the seed's column order) outside its training range on the card, as a
    /// decision; null when every input with a range is inside it (ranges are inclusive; an input
    /// without a range, e.g. a dropped one, is never out of range).
    /// </summary>
    public static FallbackDecision? OutOfRange(InsuranceFeatures features, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(card);
        foreach (var feature in Feature.All)
        {
            if (!card.FeatureRanges.TryGetValue(feature.Name, out var range))
            {
                continue;
            }

            var value = feature.ValueOf(features);
            if (!range.Contains(value))
            {
                return new FallbackDecision(
                    FallbackReason.OutOfRange,
                    feature.Name,
                    string.Create(CultureInfo.InvariantCulture, $"{feature.Name} {value:0.###} is outside the training range [{range.Min:0.###}, {range.Max:0.###}]"));
            }
        }

        return null;
    }

    /// <summary>Judges the model's answer for an input that is inside the ranges.</summary>
    public FallbackDecision Judge(RiskPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return prediction.Certainty >= MinCertainty
            ? FallbackDecision.Model
            : new FallbackDecision(
                FallbackReason.LowCertainty,
                null,
                string.Create(CultureInfo.InvariantCulture, $"the model's top probability {prediction.Certainty:0.###} is below {MinCertainty:0.###}"));
    }

    /// <summary>The whole decision for one request: ranges first (the model is not asked), then certainty.</summary>
    public FallbackDecision Decide(InsuranceFeatures features, ModelCard card, RiskPrediction prediction) =>
        OutOfRange(features, card) ?? Judge(prediction);
}
