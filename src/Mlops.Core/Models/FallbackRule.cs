using System.Globalization;

namespace Mlops.Core.Models;

/// <summary>
/// The talk's answer to "should we use the model for every request?": an input outside what the model
/// saw in training (<see cref="TrainingRanges"/>: a number outside the card's range, a category never
/// seen) never reaches the model, and an answer whose top probability is below the minimum certainty is
/// not trusted; in both cases the problem's fallback rules answer. One implementation of the decision,
/// for any problem's feature vector: the service answers with it, the analysis counts how many requests
/// would fall back.
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
    /// The first feature (in the problem's order) outside what the model saw, as a decision; null when every
    /// checked feature is inside (ranges are inclusive; a feature without a range, e.g. a dropped one, and a
    /// missing value are never outside).
    /// </summary>
    public static FallbackDecision? OutOfRange(ReadOnlySpan<double> features, TrainingRanges ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        return ranges.Outside(features) is { } outside
            ? new FallbackDecision(FallbackReason.OutOfRange, outside.Feature, outside.Reason)
            : null;
    }

    /// <summary>Judges the model's answer for an input that is inside the ranges.</summary>
    public FallbackDecision Judge(ClassPrediction prediction)
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
    public FallbackDecision Decide(ReadOnlySpan<double> features, TrainingRanges ranges, ClassPrediction prediction) =>
        OutOfRange(features, ranges) ?? Judge(prediction);
}
