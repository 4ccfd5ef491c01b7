using Mlops.Core.Monitoring;
using Mlops.Core.PredictionLog;
using Mlops.Monitoring.Configuration;
using Mlops.Monitoring.Ingestion;
using Mlops.Monitoring.Performance;

namespace Mlops.Monitoring;

/// <summary>
/// All monitored datasets, by name. Every source of rows — the HTTP endpoint <c>/iterate/{dataset}</c>,
/// or an <see cref="IRowSource"/> such as a follower of the serving prediction log — feeds the same
/// windows through the same checks (<see cref="WindowRows"/>): the endpoint through <see cref="MonitoredDataset.Parser"/>,
/// other sources through <see cref="Add(string, IEnumerable{IReadOnlyDictionary{string, double}})"/>.
/// </summary>
public sealed class DriftMonitor
{
    private readonly Dictionary<string, MonitoredDataset> _datasets;

    /// <param name="config">The datasets.</param>
    /// <param name="clock">The time.</param>
    /// <param name="estimators">Per dataset, the model and calibration of its label-free performance estimate.</param>
    public DriftMonitor(MonitorConfig config, TimeProvider? clock = null, IReadOnlyDictionary<string, RecordEstimator>? estimators = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        if (estimators?.Keys.FirstOrDefault(k => !config.Datasets.ContainsKey(k)) is { } unknown)
        {
            throw new Core.InvalidInputException($"the performance estimate names dataset '{unknown}', which is not monitored");
        }

        _datasets = config.Datasets.ToDictionary(
            d => d.Key,
            d => new MonitoredDataset(d.Key, d.Value, config, clock ?? TimeProvider.System, estimators?.GetValueOrDefault(d.Key)),
            StringComparer.Ordinal);
    }

    /// <summary>What the late labels say, per dataset, as the label follower last read them.</summary>
    public RealisedPerformance Realised { get; } = new();

    public MonitorConfig Config { get; }

    public IReadOnlyCollection<string> DatasetNames => _datasets.Keys;

    public IEnumerable<MonitoredDataset> Datasets => _datasets.Values;

    public MonitoredDataset? Find(string name) => _datasets.GetValueOrDefault(name);

    /// <summary>
    /// Rows from any other source, column name to value: the features, optionally the prediction and
    /// <see cref="AnswerSourceColumn.WindowColumn"/> (1 when the fallback answered, 0 for the model);
    /// NaN or absent for those two when unknown.
    /// </summary>
    public WindowDrift? Add(string dataset, IEnumerable<IReadOnlyDictionary<string, double>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var target = Find(dataset) ?? throw new KeyNotFoundException($"unknown dataset '{dataset}'");
        return target.Add([.. rows.Select(target.Rows.FromNamed)]);
    }

    /// <summary>Computes every dataset whose window got rows since its last report and whose period has passed.</summary>
    public void CalculatePending()
    {
        foreach (var dataset in _datasets.Values)
        {
            dataset.CalculateIfPending();
        }
    }
}
