namespace Mlops.Serving.Endpoints;

/// <summary>What <c>GET /health</c> tells an operator: which model answers since when, how often the fallback does, and whether the log keeps up.</summary>
/// <remarks>
/// <c>status</c> is "ok", or "failing" while the prediction log fails (durable: predictions are
/// refused with 503 meanwhile); <c>reason</c> says why, null when ok.
/// </remarks>
public sealed record HealthReport(
    string Status,
    string? Reason,
    string ModelVersion,
    string ModelSource,
    string Trainer,
    DateTimeOffset Since,
    bool ServingBaselineOnly,
    double FallbackRate,
    int FallbackWindow,
    double MinCertainty,
    double ModelReloads,
    PredictionLogHealth PredictionLog,
    MonitorHealth? Monitor);

/// <param name="Target">Where the log is (no secrets), or "off".</param>
/// <param name="State">"ok", "failing" (writes fail and are retried) or "off".</param>
/// <param name="QueueLength">Rows waiting to be written.</param>
/// <param name="Written">Rows written since start.</param>
/// <param name="Dropped">Rows not written since start.</param>
/// <param name="LastError">The last write error while failing.</param>
/// <param name="Durability">"durable" (an answer waits for its commit) or "buffered"; "off" without a log.</param>
/// <param name="Unrecorded">Durable: predictions refused with 503 because the log did not commit them in time.</param>
public sealed record PredictionLogHealth(string Target, string State, int QueueLength, long Written, long Dropped, string? LastError, string Durability, long Unrecorded);

public sealed record MonitorHealth(string Endpoint, int QueueLength);

/// <summary>What <c>GET /model</c> tells the client page: the served model, its trained ranges and its problem.</summary>
/// <remarks>For a categorical feature, a range holds the indices (into the problem's categories) seen in training.</remarks>
public sealed record ModelReport(
    string ModelVersion,
    string ModelSource,
    string Trainer,
    DateTimeOffset Since,
    double MinCertainty,
    IReadOnlyList<FeatureRangeReport> FeatureRanges,
    Core.Problems.ProblemSchema Problem);

public sealed record FeatureRangeReport(string Feature, double Min, double Max);
