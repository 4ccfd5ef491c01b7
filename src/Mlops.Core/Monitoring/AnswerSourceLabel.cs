namespace Mlops.Core.Monitoring;

/// <summary>
/// Who answered a prediction, as the wire and the prediction log's <c>source</c> column spell it (also
/// the serving metrics' label). The service's <c>AnswerSource</c> maps to these; the monitor reads them
/// back as "the fallback answered or not".
/// </summary>
public static class AnswerSourceLabel
{
    /// <summary>The trained model.</summary>
    public const string Ml = "ml";

    /// <summary>The baseline, because an input was outside the model's training range.</summary>
    public const string BaselineOutOfRange = "baseline_out_of_range";

    /// <summary>The baseline, because the model was not confident enough.</summary>
    public const string BaselineLowProbability = "baseline_low_probability";

    /// <summary>The baseline, because no trained model is served at all.</summary>
    public const string Baseline = "baseline";

    /// <summary>
    /// True when the fallback answered, false for the model, null when unknown (no or an empty source, as
    /// the seed's client sends rows). The API's display text (<c>ML</c>, <c>baseline - out of range</c>) reads the same.
    /// </summary>
    public static bool? IsFallback(string? source) =>
        string.IsNullOrWhiteSpace(source) ? null : !source.Trim().Equals(Ml, StringComparison.OrdinalIgnoreCase);
}
