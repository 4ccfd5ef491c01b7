using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mlops.Core.PredictionLog;
using Mlops.Serving.Batching;
using Mlops.Serving.Metrics;

namespace Mlops.Serving.Logging;

/// <summary>
/// Appends every answered prediction to the prediction log in batches, on one background writer (a
/// <see cref="BackgroundBatcher{T}"/> that holds a failed batch and retries it: nothing acknowledged is lost).
/// <see cref="PredictionLogDurability.Durable"/>: a request waits (<see cref="RecordAsync"/>) until
/// the transaction holding its rows has committed; whatever queued up while the previous commit ran
/// goes into the next one (group commit), so concurrent requests share a commit instead of paying one
/// each. <see cref="PredictionLogDurability.Buffered"/>: a request only puts its row into a bounded
/// queue (a full queue is counted and the row dropped). Either way a clean shutdown drains the queue
/// first, and a write that has not finished within <see cref="CommitTimeout"/> makes <see cref="LastError"/>
/// say so: no request waits for it when buffered, so nothing else would notice a stuck log.
/// </summary>
public sealed partial class PredictionLogWriter : IHostedService, IAsyncDisposable, IBatchSink<PredictionLogWriter.Pending>
{
    private readonly IPredictionLog _log;
    private readonly ServingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly BackgroundBatcher<Pending> _batcher;
    private long _written;
    private long _dropped;
    private long _unrecorded;
    private volatile string? _lastError;
    private int _disposed;

    /// <param name="log">The opened log; the writer owns and disposes it.</param>
    /// <param name="metrics">Where written, dropped and unrecorded rows are counted.</param>
    /// <param name="logger">The service's log.</param>
    /// <param name="capacity">Most requests waiting for the writer.</param>
    /// <param name="batchSize">Rows per transaction at most (a batch request is never split).</param>
    /// <param name="gatherTime">How long a batch may wait for more rows after its first; default 0 when durable (the commit in flight is the wait), 50 ms when buffered.</param>
    /// <param name="durability">Whether an answer waits for its row's commit.</param>
    /// <param name="commitTimeout">Durable: how long an answer waits for its commit before it is refused with 503; either way, how long a write may run before the log counts as failing.</param>
    public PredictionLogWriter(
        IPredictionLog log, ServingMetrics metrics, ILogger<PredictionLogWriter> logger, int capacity = 100_000, int batchSize = 1000, TimeSpan? gatherTime = null,
        PredictionLogDurability durability = PredictionLogDurability.Buffered, TimeSpan? commitTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(metrics);
        Durability = durability;
        CommitTimeout = commitTimeout ?? DefaultCommitTimeout;
        _log = log;
        _metrics = metrics;
        _logger = logger;
        _batcher = new BackgroundBatcher<Pending>(
            new BatchingPolicy
            {
                Capacity = capacity,
                BatchSize = batchSize,
                MaxGather = gatherTime ?? (durability == PredictionLogDurability.Durable ? TimeSpan.Zero : TimeSpan.FromMilliseconds(50)),
                OnFailure = FailedBatch.Retry,
                // At most a second apart: a durable service answers 503 until the log is back, so
                // noticing the recovery late would refuse answers for longer than the outage.
                MaxBackoff = TimeSpan.FromSeconds(1),
            },
            this,
            pending => pending.Count);
        metrics.TrackLogQueue(() => QueueLength);
    }

    /// <summary>Long against a commit (a millisecond or two), short against a client's own timeout.</summary>
    public static TimeSpan DefaultCommitTimeout { get; } = TimeSpan.FromSeconds(2);

    public PredictionLogDurability Durability { get; }

    public TimeSpan CommitTimeout { get; }

    public string Description => _log.Description;

    public int QueueLength => _batcher.QueueLength;

    public long Written => Interlocked.Read(ref _written);

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Durable: predictions refused (503) because their rows were not committed in time.</summary>
    public long Unrecorded => Interlocked.Read(ref _unrecorded);

    /// <summary>The last write error (or commit timeout, or a write running longer than <see cref="CommitTimeout"/>), or null while writes succeed.</summary>
    public string? LastError => _lastError ?? (_batcher.WriteRunningFor is var running && running > CommitTimeout
        ? $"a write has not finished for {running.TotalSeconds:0.#} s"
        : null);

    /// <summary>Buffered: queues a row; false (and counted) when the queue is full or the service is stopping.</summary>
    public bool TryEnqueue(LoggedPrediction row)
    {
        if (_batcher.TryEnqueue(new Pending(row, null, null)))
        {
            return true;
        }

        Interlocked.Increment(ref _dropped);
        _metrics.PredictionLogDropped.Inc();
        return false;
    }

    /// <summary>
    /// Records the rows of one answer. Durable: true once they are committed, together, false (and
    /// counted) when the queue is full, the service is stopping or the commit did not come within
    /// <see cref="CommitTimeout"/>: the answer must then not be given. Buffered: queues them and is true.
    /// </summary>
    public async ValueTask<bool> RecordAsync(IReadOnlyList<LoggedPrediction> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (Durability == PredictionLogDurability.Buffered)
        {
            foreach (var row in rows)
            {
                TryEnqueue(row);
            }

            return true;
        }

        var committed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var recorded = _batcher.TryEnqueue(new Pending(null, rows, committed));
        if (recorded)
        {
            try
            {
                recorded = await committed.Task.WaitAsync(CommitTimeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The rows stay queued and are committed when the log is back: such a row is in the
                // log although its client got 503 — recorded, never acknowledged. The reverse cannot happen.
                _lastError ??= $"commits take longer than {CommitTimeout.TotalSeconds:0.###} s";
                recorded = false;
            }
        }

        if (!recorded)
        {
            Interlocked.Add(ref _unrecorded, rows.Count);
            _metrics.PredictionLogUnrecorded.Inc(rows.Count);
        }

        return recorded;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _batcher.Start();
        return Task.CompletedTask;
    }

    /// <summary>Stops taking rows and writes what is queued; gives up only when the host's shutdown time runs out.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _batcher.StopAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        LogStopped(_logger, Written, Dropped, _log.Description);
    }

    /// <summary>Idempotent: the container disposes this once as a singleton and once as a hosted service.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _batcher.DisposeAsync().ConfigureAwait(false);
        await _log.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>One transaction: a commit per row would cost a write to the database file per prediction.</summary>
    async Task IBatchSink<Pending>.WriteAsync(IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        var rows = new List<LoggedPrediction>(batch.Count);
        foreach (var pending in batch)
        {
            pending.AddTo(rows);
        }

        await _log.AppendAsync(rows, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _written, rows.Count);
        _metrics.PredictionLogWritten.Inc(rows.Count);
        if (_lastError is not null)
        {
            LogRecovered(_logger, _log.Description);
            _lastError = null;
        }

        foreach (var pending in batch)
        {
            pending.Committed?.TrySetResult(true);
        }
    }

    /// <summary>A failing database holds the batch and retries with back-off; meanwhile the queue fills and then drops.</summary>
    void IBatchSink<Pending>.Failed(IReadOnlyList<Pending> batch, Exception exception, bool firstInOutage)
    {
        if (_lastError is null)
        {
            LogWriteFailed(_logger, exception, _log.Description);
        }

        _lastError = exception.Message.ReplaceLineEndings(" ");
    }

    void IBatchSink<Pending>.Recovered()
    {
        // Logged where the error is cleared: a commit timeout ends with a write that succeeds, too.
    }

    /// <summary>Forced shutdown: count what could not be written, so the loss is visible; a waiting request answers 503.</summary>
    void IBatchSink<Pending>.Lost(IReadOnlyList<Pending> items)
    {
        var lost = 0;
        foreach (var pending in items)
        {
            lost += pending.Count;
            pending.Committed?.TrySetResult(false);
        }

        Interlocked.Add(ref _dropped, lost);
        _metrics.PredictionLogDropped.Inc(lost);
        LogLost(_logger, lost, _log.Description);
    }

    /// <summary>One request's rows: a single row (buffered) or the rows of one answer, committed together (durable, with who waits for them).</summary>
    private readonly record struct Pending(LoggedPrediction? One, IReadOnlyList<LoggedPrediction>? Many, TaskCompletionSource<bool>? Committed)
    {
        public int Count => One is null ? Many!.Count : 1;

        public void AddTo(List<LoggedPrediction> batch)
        {
            if (One is not null)
            {
                batch.Add(One);
            }
            else
            {
                batch.AddRange(Many!);
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
