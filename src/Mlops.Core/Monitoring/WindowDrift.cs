using Mlops.Core.Drift;

namespace Mlops.Core.Monitoring;

/// <summary>
/// One drift computation of a window: the report, how many rows the dataset had received by then
/// (which month a replay was in) and, when the rows said who answered them, the share the fallback
/// answered in that window.
/// </summary>
/// <param name="RowsReceived">Rows received by the dataset when the report was made.</param>
/// <param name="Report">The drift report of the window.</param>
/// <param name="FallbackRate">Share of the window's rows answered by the rule-based fallback; null when no row carried a source.</param>
/// <param name="RowsWithSource">Rows of the window that carried a source (the fallback rate's denominator).</param>
/// <param name="EstimatedAccuracy">The label-free estimate (CBPE) of the model's accuracy on the window; null when the monitor has no model.</param>
public sealed record WindowDrift(long RowsReceived, DatasetDriftReport Report, double? FallbackRate = null, int RowsWithSource = 0, double? EstimatedAccuracy = null);
