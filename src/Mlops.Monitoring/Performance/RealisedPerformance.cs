using System.Collections.Concurrent;
using Mlops.Core.Monitoring;

namespace Mlops.Monitoring.Performance;

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
