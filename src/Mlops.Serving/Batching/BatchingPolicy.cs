namespace Mlops.Serving.Batching;

/// <summary>
/// How a <see cref="BackgroundBatcher{T}"/> gathers its batches and what it does when the sink fails:
/// the two background writers differ only in these.
/// </summary>
internal sealed record BatchingPolicy
{
    /// <summary>Items waiting at most; a full queue refuses (the caller counts the loss).</summary>
    public required int Capacity { get; init; }

    /// <summary>Weight per batch at most (rows: an item of several rows is never split).</summary>
    public required int BatchSize { get; init; }

    /// <summary>How long a batch may wait for more after its first item; zero: take what is queued and go.</summary>
    public TimeSpan MaxGather { get; init; }

    /// <summary>A quiet queue for this long closes the batch early (a burst is over); null: wait the whole <see cref="MaxGather"/>.</summary>
    public TimeSpan? IdleFlush { get; init; }

    /// <summary>What a failed batch becomes: retried until it is written (nothing acknowledged is lost), or dropped (a bystander).</summary>
    public required FailedBatch OnFailure { get; init; }

    /// <summary>The first wait after a failure; it doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public required TimeSpan MaxBackoff { get; init; }
}

/// <summary>What becomes of a batch whose sink failed.</summary>
internal enum FailedBatch
{
    /// <summary>The batch is held and tried again after the back-off; the queue fills meanwhile.</summary>
    Retry,

    /// <summary>The batch is dropped (counted by the owner) and the next one waits for the back-off.</summary>
    Drop,
}
