using System.Globalization;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The prediction log's table, defined once for both databases so the service that writes it and
/// the monitor that follows it agree on every column: its name, keys, indexes and time format here,
/// its columns from the problem (<see cref="PredictionLogColumns"/>).
/// </summary>
public static class PredictionLogSchema
{
    public const string Table = "predictions";

    /// <summary>The talk's columns in order (<see cref="PredictionLogColumns.Insurance"/>); another problem's log has its own (<see cref="PredictionLogColumns.For"/>).</summary>
    public static IReadOnlyList<string> Columns => PredictionLogColumns.Insurance.Names;

    /// <summary>
    /// PostgreSQL only: the 64-bit id of the transaction that wrote the row (<c>xid8</c>, which never wraps
    /// around, unlike the 32-bit <c>xmin</c> system column that VACUUM may also freeze). The database fills it
    /// in; inserts do not name it. <see cref="PostgresPredictionLog.FollowAsync"/> reads by it.
    /// </summary>
    public const string WriterTransactionColumn = "writer_xact";

    /// <summary>
    /// The columns a log written before predictions had ids lacks (added with ALTER TABLE; its old
    /// rows keep NULL there, so the columns are nullable). SQLite has no ADD COLUMN IF NOT EXISTS:
    /// <see cref="SqlitePredictionLog"/> checks <c>PRAGMA table_info</c> first.
    /// </summary>
    public static IReadOnlyList<(string Column, string SqliteType)> KeyColumns { get; } = [("prediction_id", "TEXT"), (ClientKey.Name, "TEXT")];

    /// <summary>
    /// A label finds its prediction by either key. UUIDv7 ids grow with time, so their index is
    /// appended to at its right edge like the primary key; both are partial indexes without the old NULL rows.
    /// </summary>
    public static string Indexes => $"""
        CREATE UNIQUE INDEX IF NOT EXISTS {Table}_prediction_id ON {Table} (prediction_id) WHERE prediction_id IS NOT NULL;
        CREATE INDEX IF NOT EXISTS {Table}_request_id ON {Table} (request_id) WHERE request_id IS NOT NULL;
        """;

    /// <summary>The select both readers use: rows after an id, in log order, in <paramref name="columns"/>' order (the talk's by default).</summary>
    public static string SelectAfter(string afterParameter, string limitParameter, PredictionLogColumns? columns = null) =>
        $"SELECT {(columns ?? PredictionLogColumns.Insurance).SelectList()} FROM {Table} WHERE id > {afterParameter} ORDER BY id LIMIT {limitParameter}";

    /// <summary>The newest row's id, 0 for an empty log (the same statement in both databases).</summary>
    public static string SelectLastId { get; } = $"SELECT COALESCE(MAX(id), 0) FROM {Table}";

    /// <summary>How SQLite stores <c>logged_at</c>.</summary>
    internal const string SqliteTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    internal static string FormatSqliteTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString(SqliteTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>The same text as UTF-8 into <paramref name="destination"/> (at least 28 bytes); returns its length. The round-trip format "O" of a UTC time is exactly <see cref="SqliteTimeFormat"/>.</summary>
    internal static int FormatSqliteTime(DateTimeOffset time, Span<byte> destination) =>
        time.UtcDateTime.TryFormat(destination, out var written, "O", CultureInfo.InvariantCulture)
            ? written
            : throw new ArgumentException("the buffer is too small for a time", nameof(destination));

    internal static DateTimeOffset ParseSqliteTime(string text) =>
        new(DateTime.ParseExact(text, SqliteTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);
}
