using System.Collections.Concurrent;
using Mlops.Core.PredictionLog;

namespace Mlops.Monitoring.Performance;

/// <summary>What the late labels say about one dataset's answers: how many arrived, and realised accuracy per month.</summary>
/// <param name="LabelsReceived">Labels stored next to the followed log.</param>
/// <param name="Periods">Per month (UTC) with labels, the realised accuracy of what the service answered.</param>
public sealed record DatasetRealised(long LabelsReceived, IReadOnlyList<PeriodPerformance> Periods);

/// <summary>The latest <see cref="DatasetRealised"/> per dataset, written by the <see cref="LabelFollower"/>, read by the metrics.</summary>
public sealed class RealisedPerformance
{
    private readonly ConcurrentDictionary<string, DatasetRealised> _datasets = new(StringComparer.Ordinal);

    public void Set(string dataset, DatasetRealised realised) => _datasets[dataset] = realised;

    /// <summary>The dataset's, if a label follower feeds it.</summary>
    public DatasetRealised? Find(string dataset) => _datasets.GetValueOrDefault(dataset);

    /// <summary>Every dataset that has a label follower, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, DatasetRealised>> All() => [.. _datasets.OrderBy(d => d.Key, StringComparer.Ordinal)];
}
