using Mlops.Core.PredictionLog;

namespace Mlops.Core.Monitoring;

/// <summary>What the late labels say about one dataset's answers: how many arrived, and realised accuracy per month.</summary>
/// <param name="LabelsReceived">Labels stored next to the followed log.</param>
/// <param name="Periods">Per month (UTC) with labels, the realised accuracy of what the service answered.</param>
public sealed record DatasetRealised(long LabelsReceived, IReadOnlyList<PeriodPerformance> Periods);
