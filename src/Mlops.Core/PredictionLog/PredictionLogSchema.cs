using System.Globalization;
using Mlops.Core.Data;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The prediction log's table, defined once for both databases so the service that writes it and
/// the monitor that follows it agree on every column.
/// </summary>
public static class PredictionLogSchema
{
    public const string Table = "predictions";

    /// <summary>Every column in order; the six feature columns carry the names of <see cref="Feature"/>.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "logged_at", "model_version", "source", "category", "p_high", "p_medium", "p_low",
        .. Feature.All.Select(f => f.Name),
        "prediction_id", ClientKey.Name,
    ];

    /// <summary>The columns an insert names: all but the id, which the database assigns.</summary>
    public static IReadOnlyList<string> InsertColumns { get; } = [.. Columns.Skip(1)];

    /// <summary>SQLite: times as fixed-width ISO 8601 text in UTC, so text order is time order.</summary>
    public static string CreateSqlite { get; } = $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            logged_at TEXT NOT NULL,
            model_version TEXT NOT NULL,
            source TEXT NOT NULL,
            category INTEGER NOT NULL,
            p_high REAL NOT NULL,
            p_medium REAL NOT NULL,
            p_low REAL NOT NULL,
            training INTEGER NOT NULL,
            age REAL NOT NULL,
            emergency_braking INTEGER NOT NULL,
            braking_distance REAL NOT NULL,
            power REAL NOT NULL,
            miles REAL NOT NULL,
            prediction_id TEXT,
            request_id TEXT
        )
        """;

    public static string CreatePostgres { get; } = $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            logged_at TIMESTAMPTZ NOT NULL,
            model_version TEXT NOT NULL,
            source TEXT NOT NULL,
            category SMALLINT NOT NULL,
            p_high DOUBLE PRECISION NOT NULL,
            p_medium DOUBLE PRECISION NOT NULL,
            p_low DOUBLE PRECISION NOT NULL,
            training SMALLINT NOT NULL,
            age DOUBLE PRECISION NOT NULL,
            emergency_braking SMALLINT NOT NULL,
            braking_distance DOUBLE PRECISION NOT NULL,
            power DOUBLE PRECISION NOT NULL,
            miles DOUBLE PRECISION NOT NULL,
            prediction_id UUID,
            request_id TEXT
        );
        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS prediction_id UUID;
        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS request_id TEXT;
        ALTER TABLE {Table} ADD COLUMN IF NOT EXISTS {WriterTransactionColumn} BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
        CREATE INDEX IF NOT EXISTS {Table}_follow ON {Table} ({WriterTransactionColumn}, id);
        {Indexes}
        """;

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

    /// <summary>The select both readers use: rows after an id, in log order.</summary>
    public static string SelectAfter(string afterParameter, string limitParameter) =>
        $"SELECT {string.Join(", ", Columns)} FROM {Table} WHERE id > {afterParameter} ORDER BY id LIMIT {limitParameter}";

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
