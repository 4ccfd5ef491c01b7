using System.Diagnostics;
using System.Threading.Channels;

namespace Mlops.Serving.Batching;

/// <summary>
/// One background loop over a bounded queue that hands batches to a sink: the prediction log's writer
/// and the monitor forwarder are both this, with their loss policies as a <see cref="BatchingPolicy"/>.
/// Callers never wait for the queue (<see cref="TryEnqueue"/> refuses when it is full); a batch closes
/// at <see cref="BatchingPolicy.BatchSize"/>, after <see cref="BatchingPolicy.MaxGather"/> or when the
/// queue was quiet for <see cref="BatchingPolicy.IdleFlush"/>; a failing sink backs off (doubling up to
/// <see cref="BatchingPolicy.MaxBackoff"/>) and either holds the batch or drops it. A stop drains the
/// queue until its time runs out; what is left then goes to <see cref="IBatchSink{T}.Lost"/>.
/// </summary>
internal sealed class BackgroundBatcher<T> : IDisposable, IAsyncDisposable
{
    private readonly BatchingPolicy _policy;
    private readonly IBatchSink<T> _sink;
    private readonly Func<T, int> _weight;
    private readonly Channel<T> _queue;
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationToken _aborted;
    private Task _running = Task.CompletedTask;
    private TimeSpan _backoff;
    private bool _failing;
    private long _writeStarted;
    private volatile bool _stopping;
    private int _disposed;

    /// <param name="policy">Gathering and loss policy.</param>
    /// <param name="sink">Where batches go.</param>
    /// <param name="weight">What an item counts against <see cref="BatchingPolicy.BatchSize"/> (its rows); 1 each by default.</param>
    public BackgroundBatcher(BatchingPolicy policy, IBatchSink<T> sink, Func<T, int>? weight = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(sink);
        _policy = policy;
        _sink = sink;
        _weight = weight ?? (_ => 1);
        _aborted = _abort.Token;
        _queue = Channel.CreateBounded<T>(new BoundedChannelOptions(policy.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse instead of waiting or dropping an older item silently
        });
    }

    public int QueueLength => _queue.Reader.Count;

    /// <summary>How long the write in progress (with its retries) has been running; zero when none is.</summary>
    public TimeSpan WriteRunningFor => Volatile.Read(ref _writeStarted) is var started and not 0 ? Stopwatch.GetElapsedTime(started) : TimeSpan.Zero;

    /// <summary>Queues an item; false when the queue is full or the batcher is stopping (the caller counts the loss).</summary>
    public bool TryEnqueue(T item) => _queue.Writer.TryWrite(item);

    public void Start() => _running = Task.Run(RunAsync, CancellationToken.None);

    /// <summary>Stops taking items and writes what is queued, for at most <paramref name="drainLimit"/> (or until <paramref name="cancellationToken"/>); then gives up on the rest.</summary>
    public async Task StopAsync(TimeSpan drainLimit, CancellationToken cancellationToken)
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        try
        {
            await _running.WaitAsync(drainLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            await _abort.CancelAsync().ConfigureAwait(false);
            await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Stops at once without waiting for the loop; idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _abort.Cancel();
    }

    /// <summary>Stops at once and waits for the loop to end; idempotent.</summary>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        await _running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _abort.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<T>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_aborted).ConfigureAwait(false))
            {
                await GatherAsync(batch).ConfigureAwait(false);
                var backOff = await WriteAsync(batch).ConfigureAwait(false);
                batch.Clear();
                if (backOff)
                {
                    await Task.Delay(_backoff, _aborted).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_aborted.IsCancellationRequested)
        {
            // Forced shutdown: hand over what could not be written, so the loss is visible.
            while (_queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            _sink.Lost(batch);
        }
    }

    /// <summary>Takes what is queued, then waits for more while the batch has room and its time lasts.</summary>
    private async Task GatherAsync(List<T> batch)
    {
        var weight = Take(batch, 0);
        var started = Stopwatch.GetTimestamp();
        while (weight < _policy.BatchSize && !_stopping)
        {
            var left = _policy.MaxGather - Stopwatch.GetElapsedTime(started);
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            if (!await WaitForMoreAsync(_policy.IdleFlush is { } idle && idle < left ? idle : left).ConfigureAwait(false))
            {
                return;
            }

            weight = Take(batch, weight);
        }
    }

    private int Take(List<T> batch, int weight)
    {
        // An item of several rows is never split: the last one may take the batch past its size.
        while (weight < _policy.BatchSize && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
            weight += _weight(item);
        }

        return weight;
    }

    /// <summary>False when nothing came within <paramref name="wait"/> (write now) or the queue was completed.</summary>
    private async Task<bool> WaitForMoreAsync(TimeSpan wait)
    {
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(_aborted);
        quiet.CancelAfter(wait);
        try
        {
            return await _queue.Reader.WaitToReadAsync(quiet.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!_aborted.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Writes the batch, retrying it or not as the policy says; true when the next batch must wait for the back-off.</summary>
    private async Task<bool> WriteAsync(List<T> batch)
    {
        if (batch.Count == 0)
        {
            return false;
        }

        Volatile.Write(ref _writeStarted, Stopwatch.GetTimestamp());
        try
        {
            while (true)
            {
                try
                {
                    await _sink.WriteAsync(batch, _aborted).ConfigureAwait(false);
                    _backoff = TimeSpan.Zero;
                    if (_failing)
                    {
                        _failing = false;
                        _sink.Recovered();
                    }

                    return false;
                }
                catch (Exception e) when (e is not OperationCanceledException || !_aborted.IsCancellationRequested)
                {
                    _backoff = _backoff == TimeSpan.Zero ? _policy.FirstBackoff : TimeSpan.FromTicks(Math.Min(_backoff.Ticks * 2, _policy.MaxBackoff.Ticks));
                    _sink.Failed(batch, e, firstInOutage: !_failing);
                    _failing = true;
                    if (_policy.OnFailure == FailedBatch.Drop)
                    {
                        return true;
                    }

                    await Task.Delay(_backoff, _aborted).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _writeStarted, 0);
        }
    }
}
