using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Serving.Models;

namespace Mlops.Serving.Fallback;

/// <summary>
/// The talk's answer to "should we use the model for every request?": no. An input outside what the
/// model saw in training never reaches the model, and an answer the model is unsure of is replaced;
/// in both cases the rule-based baseline answers, with one-hot probabilities. The decision itself is
/// Core's <see cref="FallbackRule"/>, which the analysis uses too to count how many requests fall back.
/// </summary>
public sealed class FallbackPolicy
{
    /// <summary>The talk's threshold: a top probability below one half is not trusted.</summary>
    public const double DefaultMinCertainty = FallbackRule.DefaultMinCertainty;

    private readonly IRiskModel _baseline;
    private readonly FallbackRule _rule;

    public FallbackPolicy(IRiskModel baseline, double minCertainty = DefaultMinCertainty)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        if (!(minCertainty is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minCertainty), minCertainty, "the minimum certainty is a probability between 0 and 1");
        }

        _baseline = baseline;
        _rule = new FallbackRule(minCertainty);
    }

    public double MinCertainty => _rule.MinCertainty;

    /// <summary>Answers one request with the served model or the baseline.</summary>
    public RiskAnswer Decide(InsuranceFeatures features, ServedModel served)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(served);
        if (served.Model is null)
        {
            return Baseline(features, AnswerSource.Baseline, "no trained model is served", feature: null);
        }

        return OutOfRange(features, served.Card!) ?? Judge(features, served.Model.Predict(features));
    }

    /// <summary>Answers many requests; rows the model may see go to it in one call (faster for ML.NET).</summary>
    public IReadOnlyList<RiskAnswer> DecideAll(IReadOnlyList<InsuranceFeatures> rows, ServedModel served)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(served);
        var answers = new RiskAnswer[rows.Count];
        if (served.Model is null)
        {
            for (var i = 0; i < answers.Length; i++)
            {
                answers[i] = Baseline(rows[i], AnswerSource.Baseline, "no trained model is served", feature: null);
            }

            return answers;
        }

        var forModel = new List<int>(rows.Count);
        for (var i = 0; i < answers.Length; i++)
        {
            var outOfRange = OutOfRange(rows[i], served.Card!);
            if (outOfRange is null)
            {
                forModel.Add(i);
            }
            else
            {
                answers[i] = outOfRange;
            }
        }

        var predictions = served.Model.PredictAll(forModel.Select(i => rows[i]).ToArray());
        for (var j = 0; j < forModel.Count; j++)
        {
            answers[forModel[j]] = Judge(rows[forModel[j]], predictions[j]);
        }

        return answers;
    }

    /// <summary>The first feature outside the card's training range, as a baseline answer; null when all are inside.</summary>
    private RiskAnswer? OutOfRange(InsuranceFeatures features, ModelCard card) =>
        FallbackRule.OutOfRange(features, card) is { } decision
            ? Baseline(features, AnswerSource.BaselineOutOfRange, decision.Explanation!, decision.Feature)
            : null;

    private RiskAnswer Judge(InsuranceFeatures features, RiskPrediction prediction)
    {
        var decision = _rule.Judge(prediction);
        return decision.UsesBaseline
            ? Baseline(features, AnswerSource.BaselineLowProbability, decision.Explanation!, feature: null)
            : new RiskAnswer(prediction, AnswerSource.Ml);
    }

    private RiskAnswer Baseline(InsuranceFeatures features, AnswerSource source, string reason, string? feature) =>
        new(RiskPrediction.Certain(_baseline.Predict(features).Group), source, reason, feature);
}
