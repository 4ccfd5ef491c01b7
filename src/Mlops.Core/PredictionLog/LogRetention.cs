using System.Globalization;

namespace Mlops.Core.PredictionLog;

/// <summary>What one round of retention did: the export (null when nothing was old enough) and the prune.</summary>
public sealed record RetentionRound(DateTimeOffset Before, ExportReport? Export, PruneReport? Prune);

/// <summary>
/// The service's retention setting (<c>mlops serve --log-retention 30d --log-archive DIR</c>): every
/// round, the rows older than <see cref="Keep"/> are exported with their labels to a Parquet file in
/// <see cref="ArchiveFolder"/>, then pruned — through <see cref="PredictionLogArchive"/>, so only what an
/// export holds is ever deleted: a label that arrived after its row was exported keeps the row until
/// the next round's export has the label.
/// </summary>
/// <param name="Keep">How long rows stay in the log.</param>
/// <param name="ArchiveFolder">Where the Parquet files go.</param>
/// <param name="Every">How often a round runs.</param>
public sealed record LogRetention(TimeSpan Keep, string ArchiveFolder, TimeSpan Every)
{
    /// <summary>One round at <paramref name="now"/>: export then prune what is older than <see cref="Keep"/>.</summary>
    public async Task<RetentionRound> RunAsync(IPredictionLog log, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(log);
        var before = now - Keep;
        if (await log.Archive.CountBeforeAsync(before, cancellationToken).ConfigureAwait(false) == 0)
        {
            return new RetentionRound(before, null, null);
        }

        Directory.CreateDirectory(ArchiveFolder);
        var file = Path.Combine(ArchiveFolder, string.Create(CultureInfo.InvariantCulture, $"predictions-before-{before.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}.parquet"));
        var export = await log.Archive.ExportAsync(before, file, overwrite: false, cancellationToken).ConfigureAwait(false);
        var prune = await log.Archive.PruneAsync(before, force: false, cancellationToken).ConfigureAwait(false);
        return new RetentionRound(before, export, prune);
    }

    /// <summary>A duration as <c>30d</c>, <c>12h</c>, <c>15m</c> or <c>10s</c>; null for anything else.</summary>
    public static TimeSpan? ParseDuration(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Length < 2 || !double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !(n > 0) || double.IsInfinity(n))
        {
            return null;
        }

        return t[^1] switch
        {
            'd' => TimeSpan.FromDays(n),
            'h' => TimeSpan.FromHours(n),
            'm' => TimeSpan.FromMinutes(n),
            's' => TimeSpan.FromSeconds(n),
            _ => null,
        };
    }
}
