using Mlops.Core.Models;
using Mlops.Serving.Models;

namespace Mlops.Serving.Fallback;

/// <summary>
/// The talk's answer to "should we use the model for every request?": no. An input outside what the
/// model saw in training (a number outside the card's range, a category never seen) never reaches the
/// model, and an answer the model is unsure of is replaced; in both cases the served problem's fallback
/// rules answer (<see cref="ServedModel.Fallback"/>: the problem file's rules, or the training data's
/// most frequent class), with one-hot probabilities. The decision is Core's <see cref="FallbackRule"/>,
/// the one the analysis counts with. Nothing here knows a feature by name.
/// </summary>
public sealed class FallbackPolicy
{
    /// <summary>The talk's threshold: a top probability below one half is not trusted.</summary>
    public const double DefaultMinCertainty = FallbackRule.DefaultMinCertainty;

    private readonly FallbackRule _rule;

    /// <exception cref="ArgumentOutOfRangeException">The minimum certainty is not a probability.</exception>
    public FallbackPolicy(double minCertainty = DefaultMinCertainty) => _rule = new FallbackRule(minCertainty);

    public double MinCertainty => _rule.MinCertainty;

    /// <summary>Answers one row (the served problem's feature vector) with the served model or its fallback rules.</summary>
    public PredictionAnswer Decide(ReadOnlySpan<double> features, ServedModel served)
    {
        ArgumentNullException.ThrowIfNull(served);
        if (served.Model is not { } model)
        {
            return Fallback(features, served, AnswerSource.Baseline, "no trained model is served", feature: null);
        }

        if (FallbackRule.OutOfRange(features, served.Ranges) is { } outside)
        {
            return Fallback(features, served, AnswerSource.BaselineOutOfRange, outside.Explanation!, outside.Feature);
        }

        var prediction = model.Predict(features);
        var decision = _rule.Judge(prediction);
        return decision.UsesBaseline
            ? Fallback(features, served, AnswerSource.BaselineLowProbability, decision.Explanation!, feature: null)
            : new PredictionAnswer(prediction, AnswerSource.Ml);
    }

    /// <summary>Answers many rows, in order, each as <see cref="Decide"/> would.</summary>
    public IReadOnlyList<PredictionAnswer> DecideAll(IReadOnlyList<double[]> rows, ServedModel served)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var answers = new PredictionAnswer[rows.Count];
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = Decide(rows[i], served);
        }

        return answers;
    }

    private static PredictionAnswer Fallback(ReadOnlySpan<double> features, ServedModel served, AnswerSource source, string reason, string? feature)
    {
        var rules = served.Fallback.Predict(features);
        return new PredictionAnswer(ClassPrediction.Certain(rules.Class, rules.Probabilities.Count), source, reason, feature);
    }
}
