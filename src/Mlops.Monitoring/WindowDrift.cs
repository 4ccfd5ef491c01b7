using Mlops.Core.Drift;

namespace Mlops.Monitoring;

/// <summary>One drift computation of a window: the report, and how many rows the dataset had received by then (which month a replay was in).</summary>
public sealed record WindowDrift(long RowsReceived, DatasetDriftReport Report);
