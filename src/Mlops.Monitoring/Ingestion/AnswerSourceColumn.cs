using Mlops.Core.Monitoring;

namespace Mlops.Monitoring.Ingestion;

/// <summary>
/// Who answered a forwarded prediction — the model or the rule-based fallback — kept beside the
/// features so the monitor can show the fallback rate next to drift. The service sends it as
/// <c>source</c> (the prediction log's and the metrics' label: <c>ml</c>, <c>baseline_out_of_range</c>,
/// …; the API's display text <c>ML</c>, <c>baseline - out of range</c> is read too). Rows without a
/// source, as the seed's client sends them, count neither way.
/// </summary>
public static class AnswerSourceColumn
{
    /// <summary>The field a posted row carries.</summary>
    public const string Field = MonitorRowFields.Source;

    /// <summary>
    /// The window's column for it: 1 for a fallback answer, 0 for the model's, NaN when unknown. Also the
    /// key for rows given to <see cref="DriftMonitor.Add(string, IEnumerable{IReadOnlyDictionary{string, double}})"/>.
    /// The colon keeps it apart from any data column name.
    /// </summary>
    public const string WindowColumn = "answer:fallback";

    /// <summary>1 for a fallback, 0 for the model, NaN for no or an empty source.</summary>
    public static double FallbackValue(string? source) => AnswerSourceLabel.IsFallback(source) switch
    {
        true => 1,
        false => 0,
        null => double.NaN,
    };
}
