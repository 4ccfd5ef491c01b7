namespace Mlops.Cli.Simulation;

/// <summary>
/// One replayed month: what was sent and answered, and the monitor's drift verdict on its window once
/// the month's answered rows had arrived there.
/// </summary>
/// <param name="Month">The month (file <c>month-N.csv</c>).</param>
/// <param name="Rows">Rows in the file.</param>
/// <param name="Sent">Rows sent (fewer than <paramref name="Rows"/> when interrupted).</param>
/// <param name="Answered">Answered with a prediction (mock: taken by the monitor).</param>
/// <param name="Rejected">Refused as impossible input (HTTP 4xx, e.g. 422 for negative miles).</param>
/// <param name="Failed">Server errors (HTTP 5xx).</param>
/// <param name="Fallback">Answers given by the rule-based fallback instead of the model.</param>
/// <param name="Seconds">Time to send the month and read its drift.</param>
/// <param name="Drift">The monitor's report after the month, or null (window not yet full, interrupted).</param>
/// <param name="Note">Why there is no drift, or what went wrong with the monitor, in words.</param>
public sealed record MonthResult(
    int Month,
    int Rows,
    int Sent,
    int Answered,
    int Rejected,
    int Failed,
    int Fallback,
    double Seconds,
    MonthDrift? Drift,
    string? Note)
{
    /// <summary>Share of the answers the fallback gave; null without answers or in mock mode.</summary>
    public double? FallbackRate { get; init; }
}

/// <summary>The monitor's report on the window after a month.</summary>
/// <param name="DatasetDrift">At least the drift share of the features drifted.</param>
/// <param name="DriftedColumns">The drifted feature columns.</param>
/// <param name="ShareOfDriftedColumns">Their share of the features.</param>
/// <param name="RowsReceived">The monitor's row count when it computed the report.</param>
/// <param name="WindowFallbackRate">The monitor's fallback rate over its window (null when rows carried no source).</param>
/// <param name="PredictionDrift">The answered classes drifted (not counted in dataset drift); null without predictions.</param>
/// <param name="Scores">Each feature's drift score (p-value or distance, as its test defines).</param>
public sealed record MonthDrift(
    bool DatasetDrift,
    IReadOnlyList<string> DriftedColumns,
    double ShareOfDriftedColumns,
    long RowsReceived,
    double? WindowFallbackRate,
    bool? PredictionDrift,
    IReadOnlyDictionary<string, double> Scores);
