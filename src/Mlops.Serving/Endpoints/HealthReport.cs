namespace Mlops.Serving.Endpoints;

/// <summary>What <c>GET /health</c> tells an operator: which model answers since when, how often the fallback does, and whether the log keeps up.</summary>
public sealed record HealthReport(
    string Status,
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
public sealed record PredictionLogHealth(string Target, string State, int QueueLength, long Written, long Dropped, string? LastError);

public sealed record MonitorHealth(string Endpoint, int QueueLength);

/// <summary>What <c>GET /model</c> tells the client page: the served model and its trained ranges.</summary>
public sealed record ModelReport(
    string ModelVersion,
    string ModelSource,
    string Trainer,
    DateTimeOffset Since,
    double MinCertainty,
    IReadOnlyList<FeatureRangeReport> FeatureRanges);

public sealed record FeatureRangeReport(string Feature, double Min, double Max);
