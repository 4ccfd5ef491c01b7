using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mlops.Core.Monitoring;
using Mlops.Core.PredictionLog;
using Mlops.Monitoring.Ingestion;

namespace Mlops.Monitoring.Performance;

/// <summary>
/// Reads the labels table of the followed prediction log (labels live in the same database) and, each
/// time more labels have arrived, computes the realised accuracy per month from the record as
/// <c>mlops performance --by month</c> does (<see cref="RecordPerformance"/>), for
/// <c>mlops_performance_realised</c> and <c>mlops_labels_received_total</c>. Runs beside the row
/// follower as one more background source; a failing read is logged once and retried.
/// </summary>
/// <remarks>
/// The recomputation reads the whole log, once per batch of new labels, not per poll: labels come
/// late and in batches (a month's file at a time), so this is rare; a log of millions of rows would
/// want the join kept incrementally.
/// </remarks>
/// <param name="log">The followed prediction log, whose database holds the labels.</param>
/// <param name="dataset">The monitored dataset the figures are for.</param>
/// <param name="logger">Where a failing read is logged.</param>
/// <param name="pollInterval">How often the labels are counted.</param>
/// <param name="problem">The problem whose class indices the log and the labels hold; null: the talk's.</param>
public sealed partial class LabelFollower(
    IPredictionLog log, string dataset, ILogger<LabelFollower>? logger = null, TimeSpan? pollInterval = null, Core.Problems.ProblemSchema? problem = null) : IRowSource
{
    private readonly ILogger _logger = logger ?? NullLogger<LabelFollower>.Instance;

    public string Name => $"labels of {log.Description} -> {dataset}";

    /// <summary>How often the labels are counted.</summary>
    public TimeSpan PollInterval { get; } = pollInterval ?? TimeSpan.FromSeconds(2);

    public async Task RunAsync(DriftMonitor monitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        long? seen = null;
        var failing = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var count = await log.Labels.CountAsync(cancellationToken).ConfigureAwait(false);
                if (count != seen)
                {
                    var periods = await RecordPerformance.ComputeAsync(log, PerformancePeriod.Month, problem: problem, cancellationToken: cancellationToken).ConfigureAwait(false);
                    monitor.Realised.Set(dataset, new DatasetRealised(count, [.. periods.Where(p => p.RealisedAccuracy is not null)]));
                    seen = count;
                }

                failing = false;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                if (!failing)
                {
                    LogReadFailed(_logger, e, log.Description);
                    failing = true;
                }
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "labels of {Target}: read failed, retrying")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string target);
}
