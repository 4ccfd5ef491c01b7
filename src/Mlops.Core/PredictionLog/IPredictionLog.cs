namespace Mlops.Core.PredictionLog;

/// <summary>
/// The append-only log of every answered prediction. One writer appends in batches; any number of
/// readers follow it by id (<c>read rows after id N, up to M</c>).
/// </summary>
public interface IPredictionLog : IAsyncDisposable
{
    /// <summary>Where the log is, without secrets, e.g. <c>sqlite:/home/me/.mlops/predictions.db</c>.</summary>
    string Description { get; }

    /// <summary>Appends the rows in one transaction: all or none are written.</summary>
    Task AppendAsync(IReadOnlyList<LoggedPrediction> rows, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> rows with an id greater than <paramref name="afterId"/>, in id order.</summary>
    Task<IReadOnlyList<LoggedPrediction>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken = default);

    /// <summary>The late ground truth joined to this log, in the same database.</summary>
    LabelStore Labels { get; }

    /// <summary>Retention: export old rows with their labels to Parquet, prune what an export covers.</summary>
    PredictionLogArchive Archive { get; }

    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The id of the newest row, 0 for an empty log: where a follower that wants only new rows starts.</summary>
    Task<long> LastIdAsync(CancellationToken cancellationToken = default);
}
