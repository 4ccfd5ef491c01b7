namespace Mlops.Core.Drift;

/// <summary>
/// Drift of one current sample (a window, a month) against the reference: per column, the count and
/// share of drifted feature columns, and the dataset verdict (share ≥ <see cref="DriftShare"/>).
/// Prediction drift is reported beside, never counted in the share.
/// </summary>
public sealed record DatasetDriftReport(
    DateTimeOffset Timestamp,
    int ReferenceRows,
    int CurrentRows,
    IReadOnlyList<ColumnDrift> Columns,
    int NumberOfColumns,
    int NumberOfDriftedColumns,
    double ShareOfDriftedColumns,
    double DriftShare,
    bool DatasetDrift,
    ColumnDrift? PredictionDrift);
