namespace Mlops.Core.PredictionLog;

/// <summary>What <c>log export</c> wrote: the rows answered before <paramref name="Before"/>, with their labels, in <paramref name="File"/>.</summary>
public sealed record ExportReport(DateTimeOffset Before, string File, long Rows, long Labeled);

/// <summary>
/// What <c>log prune</c> did. <paramref name="FirstUnexported"/> is set when it refused: the oldest
/// row before the date that no export covers (<paramref name="ExportedBefore"/> is how far exports reach, null if none),
/// or, with <see cref="LateLabels"/>, the oldest row whose label arrived after its export.
/// </summary>
public sealed record PruneReport(DateTimeOffset Before, long Predictions, long Labels, DateTimeOffset? ExportedBefore, DateTimeOffset? FirstUnexported)
{
    public bool Refused => FirstUnexported is not null;

    /// <summary>Labels that arrived after the export of their predictions began: no archive holds them yet, so nothing was pruned.</summary>
    public long LateLabels { get; init; }
}
