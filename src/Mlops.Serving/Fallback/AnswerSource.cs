using Mlops.Core.Monitoring;

namespace Mlops.Serving.Fallback;

/// <summary>Who answered a prediction request, and why the baseline did when it did.</summary>
public enum AnswerSource
{
    /// <summary>The trained model.</summary>
    Ml,

    /// <summary>The baseline, because an input was outside the model's training range.</summary>
    BaselineOutOfRange,

    /// <summary>The baseline, because the model was not confident enough.</summary>
    BaselineLowProbability,

    /// <summary>The baseline, because no trained model is served at all.</summary>
    Baseline,
}

public static class AnswerSources
{
    /// <summary>The <c>source</c> of the API answer, as the talk's service spelled it.</summary>
    public static string Display(this AnswerSource source) => source switch
    {
        AnswerSource.Ml => "ML",
        AnswerSource.BaselineOutOfRange => "baseline - out of range",
        AnswerSource.BaselineLowProbability => "baseline - low probability",
        AnswerSource.Baseline => "baseline",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown answer source"),
    };

    /// <summary>The metric label, the prediction log's <c>source</c> column and the monitor row's: stable, lower case (the wire contract's <see cref="AnswerSourceLabel"/>).</summary>
    public static string Label(this AnswerSource source) => source switch
    {
        AnswerSource.Ml => AnswerSourceLabel.Ml,
        AnswerSource.BaselineOutOfRange => AnswerSourceLabel.BaselineOutOfRange,
        AnswerSource.BaselineLowProbability => AnswerSourceLabel.BaselineLowProbability,
        AnswerSource.Baseline => AnswerSourceLabel.Baseline,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "unknown answer source"),
    };

    public static bool IsFallback(this AnswerSource source) => source != AnswerSource.Ml;

    public static IReadOnlyList<AnswerSource> All { get; } =
        [AnswerSource.Ml, AnswerSource.BaselineOutOfRange, AnswerSource.BaselineLowProbability, AnswerSource.Baseline];
}
