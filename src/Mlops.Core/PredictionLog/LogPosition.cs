namespace Mlops.Core.PredictionLog;

/// <summary>
/// A follower's place in the prediction log: after the row <see cref="Id"/> of the writing transaction
/// <see cref="Transaction"/>. A log whose ids are handed out in commit order (SQLite: one writer at a
/// time) needs the id only and keeps <see cref="Transaction"/> at 0; PostgreSQL with several writers
/// orders by both (see <see cref="PostgresPredictionLog.FollowAsync"/>).
/// </summary>
public readonly record struct LogPosition(long Transaction, long Id);

/// <summary>Rows a follower reads at once, and the position after them (unchanged when there were none).</summary>
public sealed record LogPage(IReadOnlyList<LoggedPrediction> Rows, LogPosition Next);
