using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mlops.Core.Data;
using Mlops.Core.Serialization;
using Mlops.Hosting.Access;
using Mlops.Serving.Fallback;
using Mlops.Serving.Metrics;

namespace Mlops.Serving.Monitoring;

/// <summary>
/// Sends every answered input with its prediction to the drift monitor (<c>POST {monitor}/iterate/{dataset}</c>,
/// a JSON array of row objects), in batches, off the request path. The monitor is a bystander: when it
/// is slow or down, batches are dropped and counted, and no prediction waits or fails because of it.
/// A batch is sent when it has <c>batchRows</c> rows, when no new row came for <c>idleFlush</c> (a
/// burst is over: a replayed month reaches the monitor at once, not a second later), or at the
/// latest <c>flushInterval</c> after its first row. When a batch fails, the next attempt waits
/// (100 ms, doubling up to <c>maxBackoff</c>): a dead monitor cost the service 28 % of its throughput
/// in connection attempts (about 250 a second) before. Rows keep queuing meanwhile; what does not fit
/// is dropped and counted (<c>mlops_monitor_forward_dropped_rows_total</c>), and one warning is
/// logged per outage.
/// </summary>
public sealed partial class MonitorForwarder : IHostedService, IDisposable
{
    private readonly HttpClient _http;
    private readonly ServingMetrics _metrics;
    private readonly ILogger _logger;
    private readonly int _batchRows;
    private readonly TimeSpan _flushInterval;
    private readonly TimeSpan _idleFlush;
    private readonly Channel<ForwardedRow> _queue;
    private readonly CancellationTokenSource _abort = new();
    private Task _sending = Task.CompletedTask;
    private readonly TimeSpan _maxBackoff;
    private TimeSpan _backoff;
    private bool _failing;
    private long _droppedInOutage;
    private int _disposed;

    public MonitorForwarder(Uri monitor, string dataset, ServingMetrics metrics, ILogger<MonitorForwarder> logger,
        int batchRows = 100, TimeSpan? flushInterval = null, int capacity = 10_000, TimeSpan? timeout = null, TimeSpan? idleFlush = null,
        ApiToken? token = null, TimeSpan? maxBackoff = null)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(metrics);
        var baseUri = monitor.AbsoluteUri.EndsWith('/') ? monitor : new Uri(monitor.AbsoluteUri + "/");
        Endpoint = new Uri(baseUri, "iterate/" + Uri.EscapeDataString(dataset));
        _http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(5) };
        _http.DefaultRequestHeaders.Authorization = token?.Header;
        _maxBackoff = maxBackoff ?? DefaultMaxBackoff;
        _metrics = metrics;
        _logger = logger;
        _batchRows = batchRows;
        _flushInterval = flushInterval ?? TimeSpan.FromSeconds(1);
        _idleFlush = idleFlush ?? DefaultIdleFlush;
        _queue = Channel.CreateBounded<ForwardedRow>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>A quiet queue for this long means the burst is over: long against the gap between requests under load, short against a person waiting.</summary>
    public static TimeSpan DefaultIdleFlush { get; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The longest wait between attempts while the monitor fails: a recovered monitor gets rows again within this.</summary>
    public static TimeSpan DefaultMaxBackoff { get; } = TimeSpan.FromSeconds(5);

    private static TimeSpan FirstBackoff { get; } = TimeSpan.FromMilliseconds(100);

    public Uri Endpoint { get; }

    public int QueueLength => _queue.Reader.Count;

    /// <summary>Queues one answered input; a full queue drops it (counted), never blocks.</summary>
    public void Enqueue(InsuranceFeatures features, RiskGroup prediction, AnswerSource source = AnswerSource.Ml)
    {
        if (!_queue.Writer.TryWrite(new ForwardedRow(features, prediction, source)))
        {
            _metrics.MonitorDroppedRows.Inc();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _sending = Task.Run(SendAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Sends what is queued if the monitor answers in time; the shutdown does not wait for a dead monitor.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await _sending.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await _sending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Idempotent: the container disposes this once as a singleton and once as a hosted service.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _abort.Cancel();
        _abort.Dispose();
        _http.Dispose();
    }

    private async Task SendAsync()
    {
        var batch = new List<ForwardedRow>(_batchRows);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_abort.Token).ConfigureAwait(false))
            {
                // A batch closes at the row limit or one flush interval after its first row.
                using var window = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
                window.CancelAfter(_flushInterval);
                try
                {
                    while (batch.Count < _batchRows)
                    {
                        if (_queue.Reader.TryRead(out var row))
                        {
                            batch.Add(row);
                        }
                        else if (!await WaitForMoreAsync(window.Token).ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                }
                catch (OperationCanceledException) when (!_abort.IsCancellationRequested)
                {
                    // The flush interval ended: send what we have.
                }

                await PostAsync(batch).ConfigureAwait(false);
                batch.Clear();
                if (_backoff > TimeSpan.Zero)
                {
                    await Task.Delay(_backoff, _abort.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            _metrics.MonitorDroppedRows.Inc(batch.Count + _queue.Reader.Count);
        }
    }

    /// <summary>Waits for a next row up to the idle time; false when none came (send now) or the queue was completed.</summary>
    private async Task<bool> WaitForMoreAsync(CancellationToken window)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(window);
        idle.CancelAfter(_idleFlush);
        try
        {
            return await _queue.Reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!window.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task PostAsync(List<ForwardedRow> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            using var content = new ByteArrayContent(Serialize(batch));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.PostAsync(Endpoint, content, _abort.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Dropped(batch.Count, $"HTTP {(int)response.StatusCode}", exception: null);
                return;
            }

            _metrics.MonitorForwardedRows.Inc(batch.Count);
            _backoff = TimeSpan.Zero;
            if (_failing)
            {
                _failing = false;
                LogRecovered(_logger, Endpoint, _droppedInOutage);
                _droppedInOutage = 0;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_abort.IsCancellationRequested)
        {
            Dropped(batch.Count, e.Message, e is HttpRequestException ? e : null);
        }
    }

    private void Dropped(int rows, string why, Exception? exception)
    {
        _metrics.MonitorDroppedRows.Inc(rows);
        _droppedInOutage += rows;
        _backoff = _backoff == TimeSpan.Zero ? FirstBackoff : TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, _maxBackoff.Ticks));
        if (!_failing)
        {
            // Once per outage, not once per batch: a dead monitor must not flood the service's log.
            _failing = true;
            LogDropped(_logger, exception, Endpoint, why);
        }
    }

    /// <summary>The row objects the monitor reads: the six features (flags as 0/1), <c>prediction</c>, the answered class, and <c>source</c>, who answered (the metric label: <c>ml</c>, <c>baseline_out_of_range</c>, …).</summary>
    internal static byte[] Serialize(IReadOnlyList<ForwardedRow> rows)
    {
        using var buffer = new MemoryStream(rows.Count * 128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (features, prediction, source) in rows)
            {
                json.WriteStartObject();
                FeatureJson.WriteProperties(json, features);
                json.WriteNumber("prediction"u8, (int)prediction);
                json.WriteString("source"u8, source.Label());
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    /// <summary>One answered input on its way to the monitor.</summary>
    internal readonly record struct ForwardedRow(InsuranceFeatures Features, RiskGroup Prediction, AnswerSource Source);

    [LoggerMessage(Level = LogLevel.Warning, Message = "monitor {Endpoint}: dropping rows ({Why}); retrying less and less often; predictions go on")]
    private static partial void LogDropped(ILogger logger, Exception? exception, Uri endpoint, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "monitor {Endpoint}: forwarding again ({Dropped} rows were dropped)")]
    private static partial void LogRecovered(ILogger logger, Uri endpoint, long dropped);
}
