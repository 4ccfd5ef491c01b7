using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mlops.Core.Drift;
using Mlops.Core.PredictionLog;

namespace Mlops.Monitoring.Ingestion;

/// <summary>
/// Follows the serving prediction log and feeds every row appended to it into a dataset's window, so a
/// prediction service that does not forward to the monitor (<c>mlops serve</c> without <c>--monitor</c>)
/// is monitored all the same. Starts at the log's end (rows committed after the monitor started), reads
/// pages with <see cref="IPredictionLog.FollowAsync"/>, which gives every committed row once even when
/// several replicas write at once, and waits <see cref="PollInterval"/> when it has caught up. A failing
/// read (a locked file, a database that restarts) is logged once and retried; nothing is skipped.
/// </summary>
public sealed partial class PredictionLogRowSource : IRowSource
{
    private readonly IPredictionLog _log;
    private readonly string _dataset;
    private readonly ILogger _logger;
    private readonly int _pageSize;
    private readonly PredictionLogColumns _columns;
    private long _position = -1;
    private long _rowsFed;

    public PredictionLogRowSource(
        IPredictionLog log, string dataset, ILogger<PredictionLogRowSource>? logger = null, TimeSpan? pollInterval = null, int pageSize = 1000, PredictionLogColumns? columns = null)
    {
        _columns = columns ?? PredictionLogColumns.Insurance;
        ArgumentNullException.ThrowIfNull(log);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        _log = log;
        _dataset = dataset;
        _logger = logger ?? NullLogger<PredictionLogRowSource>.Instance;
        _pageSize = pageSize;
        PollInterval = pollInterval ?? TimeSpan.FromMilliseconds(200);
    }

    public string Name => $"prediction log {_log.Description} -> {_dataset}";

    /// <summary>How long to wait for new rows once the follower has read everything.</summary>
    public TimeSpan PollInterval { get; }

    /// <summary>The id of the last row fed (the log's last id, or 0 in PostgreSQL, at the start); -1 before the follower found the log's end.</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>Rows fed into the window since start.</summary>
    public long RowsFed => Interlocked.Read(ref _rowsFed);

    public async Task RunAsync(DriftMonitor monitor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        var position = await RetryAsync(() => _log.EndAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _position, position.Id);
        LogFollowing(_logger, _log.Description, position.Id, _dataset);
        // Runs until cancelled, and then always ends with OperationCanceledException, wherever the
        // cancellation caught it: callers see one way of stopping.
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var after = position;
            var (rows, next) = await RetryAsync(() => _log.FollowAsync(after, _pageSize, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (rows.Count > 0)
            {
                monitor.Add(_dataset, rows.Select(r => Row(r, _columns)));
                position = next;
                Interlocked.Exchange(ref _position, position.Id);
                Interlocked.Add(ref _rowsFed, rows.Count);
            }

            // A full page means more is waiting: read on at once.
            if (rows.Count < _pageSize)
            {
                await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A log row as the monitor's window takes it: the features under the problem's names (the talk's by default), the answered class and who answered.</summary>
    public static IReadOnlyDictionary<string, double> Row(LoggedPrediction row, PredictionLogColumns? columns = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var features = (columns ?? PredictionLogColumns.Insurance).Features;
        var values = new Dictionary<string, double>(features.Count + 2, StringComparer.Ordinal);
        for (var f = 0; f < features.Count; f++)
        {
            values[features[f].Name] = row.Features[f];
        }

        values[ColumnMapping.PredictionColumn] = (int)row.Category;
        values[AnswerSourceColumn.WindowColumn] = AnswerSourceColumn.FallbackValue(row.Source);
        return values;
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> read, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        var failing = false;
        while (true)
        {
            try
            {
                var result = await read().ConfigureAwait(false);
                if (failing)
                {
                    LogRecovered(_logger, _log.Description);
                }

                return result;
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                if (!failing)
                {
                    // Once per outage, not once per attempt.
                    LogReadFailed(_logger, e, _log.Description);
                    failing = true;
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "following {Target} from id {Position} into dataset {Dataset}")]
    private static partial void LogFollowing(ILogger logger, string target, long position, string dataset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "prediction log {Target}: read failed, retrying")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "prediction log {Target}: reading again")]
    private static partial void LogRecovered(ILogger logger, string target);
}
