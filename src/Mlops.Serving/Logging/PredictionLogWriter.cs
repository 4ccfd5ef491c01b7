using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mlops.Core.PredictionLog;
using Mlops.Serving.Metrics;

namespace Mlops.Serving.Logging;

/// <summary>
/// Appends every answered prediction to the prediction log, off the request path: a request only
/// puts its row into a bounded queue (never waits; a full queue is counted and the row dropped), and
/// this service writes the queue in batches. On a clean shutdown it drains the queue first, so an
/// acknowledged prediction is not lost.
/// </summary>
public sealed partial class PredictionLogWriter : IHostedService, IAsyncDisposable
{
    private readonly IPredictionLog _log;
    private readonly ServingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly int _batchSize;
    private readonly Channel<LoggedPrediction> _queue;
    private readonly CancellationTokenSource _abort = new();
    private Task _writing = Task.CompletedTask;
    private long _written;
    private long _dropped;
    private volatile string? _lastError;
    private int _disposed;
    private volatile bool _stopping;
    private readonly TimeSpan _gatherTime;

    public PredictionLogWriter(IPredictionLog log, ServingMetrics metrics, ILogger<PredictionLogWriter> logger, int capacity = 100_000, int batchSize = 1000, TimeSpan? gatherTime = null)
    {
        _gatherTime = gatherTime ?? TimeSpan.FromMilliseconds(50);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(metrics);
        _log = log;
        _metrics = metrics;
        _logger = logger;
        _batchSize = batchSize;
        _queue = Channel.CreateBounded<LoggedPrediction>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse instead of waiting or dropping an older row silently
        });
        metrics.TrackLogQueue(() => QueueLength);
    }

    public string Description => _log.Description;

    public int QueueLength => _queue.Reader.Count;

    public long Written => Interlocked.Read(ref _written);

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The last write error, or null while writes succeed.</summary>
    public string? LastError => _lastError;

    /// <summary>Queues a row; false (and counted) when the queue is full or the service is stopping.</summary>
    public bool TryEnqueue(LoggedPrediction row)
    {
        if (_queue.Writer.TryWrite(row))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        _metrics.PredictionLogDropped.Inc();
        return false;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writing = Task.Run(WriteAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking rows and writes what is queued; gives up only when the host's shutdown time runs out.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        try
        {
            await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await _writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        LogStopped(_logger, Written, Dropped, _log.Description);
    }

    /// <summary>Idempotent: the container disposes this once as a singleton and once as a hosted service.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _abort.CancelAsync().ConfigureAwait(false);
        await _writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _abort.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteAsync()
    {
        var batch = new List<LoggedPrediction>(_batchSize);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_abort.Token).ConfigureAwait(false))
            {
                // Let a batch gather: one transaction per row would cost a commit (a write to the
                // database file) per prediction. On shutdown the queue is written at once.
                if (_queue.Reader.Count < _batchSize && !_queue.Reader.Completion.IsCompleted && !_stopping)
                {
                    await Task.Delay(_gatherTime, _abort.Token).ConfigureAwait(false);
                }

                while (batch.Count < _batchSize && _queue.Reader.TryRead(out var row))
                {
                    batch.Add(row);
                }

                await AppendWithRetryAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
            // Forced shutdown: count what could not be written, so the loss is visible.
            var lost = batch.Count + _queue.Reader.Count;
            Interlocked.Add(ref _dropped, lost);
            _metrics.PredictionLogDropped.Inc(lost);
            LogLost(_logger, lost, _log.Description);
        }
    }

    /// <summary>A failing database holds the batch and retries with back-off; meanwhile the queue fills and then drops.</summary>
    private async Task AppendWithRetryAsync(List<LoggedPrediction> batch)
    {
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                await _log.AppendAsync(batch, _abort.Token).ConfigureAwait(false);
                Interlocked.Add(ref _written, batch.Count);
                _metrics.PredictionLogWritten.Inc(batch.Count);
                if (_lastError is not null)
                {
                    LogRecovered(_logger, _log.Description);
                    _lastError = null;
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !_abort.IsCancellationRequested)
            {
                if (_lastError is null)
                {
                    LogWriteFailed(_logger, e, _log.Description);
                }

                _lastError = e.Message.ReplaceLineEndings(" ");
                await Task.Delay(delay, _abort.Token).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "prediction log {Target}: write failed, retrying (rows are kept in the queue)")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "prediction log {Target}: writing again")]
    private static partial void LogRecovered(ILogger logger, string target);

    [LoggerMessage(Level = LogLevel.Error, Message = "prediction log {Target}: {Lost} rows not written, shutdown time ran out")]
    private static partial void LogLost(ILogger logger, long lost, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "prediction log {Target}: {Written} rows written, {Dropped} dropped")]
    private static partial void LogStopped(ILogger logger, long written, long dropped, string target);
}
