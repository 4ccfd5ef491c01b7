namespace Mlops.Serving.Batching;

/// <summary>Where a <see cref="BackgroundBatcher{T}"/>'s batches go, and who hears how it went (to count and to log).</summary>
internal interface IBatchSink<T>
{
    /// <summary>Writes one batch; throws when it could not.</summary>
    Task WriteAsync(IReadOnlyList<T> batch, CancellationToken cancellationToken);

    /// <summary>A write failed; <paramref name="firstInOutage"/> once per outage (log then, not per attempt). With <see cref="FailedBatch.Drop"/> the batch is gone.</summary>
    void Failed(IReadOnlyList<T> batch, Exception exception, bool firstInOutage);

    /// <summary>The first write that succeeded after a failure.</summary>
    void Recovered();

    /// <summary>What was never written because the shutdown time ran out: the batch in hand and the queue.</summary>
    void Lost(IReadOnlyList<T> items);
}
