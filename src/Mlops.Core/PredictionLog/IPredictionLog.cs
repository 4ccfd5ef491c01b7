namespace Mlops.Core.PredictionLog;

/// <summary>
/// The append-only log of every answered prediction. Writers append in batches; readers read a settled
/// log by id (<c>read rows after id N, up to M</c>) and follow a growing one by <see cref="LogPosition"/>.
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

    /// <summary>The id of the newest row, 0 for an empty log.</summary>
    Task<long> LastIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Where a follower that wants only rows committed from now on starts.</summary>
    /// <remarks>
    /// This default is right for a log that hands out ids in commit order, as SQLite does: its one writer
    /// at a time takes ids inside the write transaction, so no row can appear later below an id already read.
    /// </remarks>
    async Task<LogPosition> EndAsync(CancellationToken cancellationToken = default) =>
        new(0, await LastIdAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Up to <paramref name="max"/> rows committed after <paramref name="after"/>, and the position after them:
    /// a follower that passes each page's <see cref="LogPage.Next"/> back in reads every committed row exactly once.
    /// </summary>
    /// <remarks>The default reads by id, right for a log with ids in commit order (see <see cref="EndAsync"/>).</remarks>
    async Task<LogPage> FollowAsync(LogPosition after, int max, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAfterAsync(after.Id, max, cancellationToken).ConfigureAwait(false);
        return new LogPage(rows, rows.Count == 0 ? after : after with { Id = rows[^1].Id });
    }
}
