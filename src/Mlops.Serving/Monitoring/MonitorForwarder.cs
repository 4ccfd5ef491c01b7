using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mlops.Core.Monitoring;
using Mlops.Hosting.Access;
using Mlops.Serving.Batching;
using Mlops.Serving.Metrics;

namespace Mlops.Serving.Monitoring;

/// <summary>
/// Sends every answered input with its prediction to the drift monitor (<see cref="MonitorRoutes.Iterate"/>,
/// a JSON array of <see cref="MonitorRow"/>s), in batches, off the request path. The monitor is a
/// bystander: when it is slow or down, batches are dropped and counted, and no prediction waits or
/// fails because of it. A batch is sent when it has <c>batchRows</c> rows, when no new row came for
/// <c>idleFlush</c> (a burst is over: a replayed month reaches the monitor at once, not a second
/// later), or at the latest <c>flushInterval</c> after its first row. When a batch fails, the next
/// attempt waits (100 ms, doubling up to <c>maxBackoff</c>): a dead monitor cost the service 28 % of
/// its throughput in connection attempts (about 250 a second) before. Rows keep queuing meanwhile;
/// what does not fit is dropped and counted (<c>mlops_monitor_forward_dropped_rows_total</c>), and one
/// warning is logged per outage. The queue and its lifecycle are a <see cref="BackgroundBatcher{T}"/>
/// that drops a failed batch.
/// </summary>
public sealed partial class MonitorForwarder : IHostedService, IDisposable, IBatchSink<MonitorRow>
{
    private readonly HttpClient _http;
    private readonly ServingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly MonitorRowJson _rows;
    private readonly BackgroundBatcher<MonitorRow> _batcher;
    private long _droppedInOutage;
    private int _disposed;

    /// <summary>A forwarder of <paramref name="rows"/>' problem's rows to <paramref name="dataset"/> of the monitor at <paramref name="monitor"/>.</summary>
    public MonitorForwarder(Uri monitor, string dataset, MonitorRowJson rows, ServingMetrics metrics, ILogger<MonitorForwarder> logger,
        int batchRows = 100, TimeSpan? flushInterval = null, int capacity = 10_000, TimeSpan? timeout = null, TimeSpan? idleFlush = null,
        ApiToken? token = null, TimeSpan? maxBackoff = null)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metrics);
        Endpoint = MonitorRoutes.IterateUri(monitor, dataset);
        _http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(5) };
        _http.DefaultRequestHeaders.Authorization = token?.Header;
        _metrics = metrics;
        _logger = logger;
        _rows = rows;
        _batcher = new BackgroundBatcher<MonitorRow>(
            new BatchingPolicy
            {
                Capacity = capacity,
                BatchSize = batchRows,
                MaxGather = flushInterval ?? TimeSpan.FromSeconds(1),
                IdleFlush = idleFlush ?? DefaultIdleFlush,
                OnFailure = FailedBatch.Drop,
                MaxBackoff = maxBackoff ?? DefaultMaxBackoff,
            },
            this);
    }

    /// <summary>A quiet queue for this long means the burst is over: long against the gap between requests under load, short against a person waiting.</summary>
    public static TimeSpan DefaultIdleFlush { get; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The longest wait between attempts while the monitor fails: a recovered monitor gets rows again within this.</summary>
    public static TimeSpan DefaultMaxBackoff { get; } = TimeSpan.FromSeconds(5);

    public Uri Endpoint { get; }

    public int QueueLength => _batcher.QueueLength;

    /// <summary>Queues one answered input of any problem (its feature vector, class index and who answered); a full queue drops it (counted), never blocks.</summary>
    public void Enqueue(MonitorRow row)
    {
        if (!_batcher.TryEnqueue(row))
        {
            _metrics.MonitorDroppedRows.Inc();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _batcher.Start();
        return Task.CompletedTask;
    }

    /// <summary>Sends what is queued if the monitor answers in time; the shutdown does not wait for a dead monitor.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _batcher.StopAsync(TimeSpan.FromSeconds(5), cancellationToken);

    /// <summary>Idempotent: the container disposes this once as a singleton and once as a hosted service.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _batcher.Dispose();
        _http.Dispose();
    }

    async Task IBatchSink<MonitorRow>.WriteAsync(IReadOnlyList<MonitorRow> batch, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(_rows.Serialize(batch));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(Endpoint, content, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RefusedBatchException($"HTTP {(int)response.StatusCode}");
        }

        _metrics.MonitorForwardedRows.Inc(batch.Count);
    }

    void IBatchSink<MonitorRow>.Failed(IReadOnlyList<MonitorRow> batch, Exception exception, bool firstInOutage)
    {
        _metrics.MonitorDroppedRows.Inc(batch.Count);
        _droppedInOutage += batch.Count;
        if (firstInOutage)
        {
            // Once per outage, not once per batch: a dead monitor must not flood the service's log.
            LogDropped(_logger, exception is HttpRequestException ? exception : null, Endpoint, exception.Message);
        }
    }

    void IBatchSink<MonitorRow>.Recovered()
    {
        LogRecovered(_logger, Endpoint, _droppedInOutage);
        _droppedInOutage = 0;
    }

    void IBatchSink<MonitorRow>.Lost(IReadOnlyList<MonitorRow> items) => _metrics.MonitorDroppedRows.Inc(items.Count);

    /// <summary>The monitor answered, but not with success.</summary>
    private sealed class RefusedBatchException(string message) : Exception(message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "monitor {Endpoint}: dropping rows ({Why}); retrying less and less often; predictions go on")]
    private static partial void LogDropped(ILogger logger, Exception? exception, Uri endpoint, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "monitor {Endpoint}: forwarding again ({Dropped} rows were dropped)")]
    private static partial void LogRecovered(ILogger logger, Uri endpoint, long dropped);
}
