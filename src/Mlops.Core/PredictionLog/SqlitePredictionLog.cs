using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The prediction log in an embedded SQLite file (the default: <c>$MLOPS_HOME/predictions.db</c>).
/// Write-ahead logging lets the monitor read while the service appends.
/// </summary>
public sealed class SqlitePredictionLog : IPredictionLog
{
    /// <summary>The insert with positional parameters ?1 … ?13, in <see cref="PredictionLogSchema.InsertColumns"/> order.</summary>
    private static readonly string Insert =
        $"INSERT INTO {PredictionLogSchema.Table} ({string.Join(", ", PredictionLogSchema.InsertColumns)}) " +
        $"VALUES ({string.Join(", ", PredictionLogSchema.InsertColumns.Select((_, i) => "?" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))})";

    private readonly string _connectionString;

    private SqlitePredictionLog(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
    }

    public string Path { get; }

    public string Description => "sqlite:" + Path;

    /// <summary>Opens the log at <paramref name="path"/>, creating the file and the table if missing.</summary>
    public static SqlitePredictionLog Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var log = new SqlitePredictionLog(path);
        var folder = System.IO.Path.GetDirectoryName(log.Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var connection = log.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; " + PredictionLogSchema.CreateSqlite;
        command.ExecuteNonQuery();
        return log;
    }

    public Task AppendAsync(IReadOnlyList<LoggedPrediction> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        // The service appends a row per prediction, tens of thousands a second: the statement is bound
        // through SQLite's own API (Microsoft.Data.Sqlite's documented Handle), which costs a fraction
        // of ADO.NET parameters per row. One transaction per batch: all rows or none.
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        var db = connection.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, Insert, out var statement));
        using (statement)
        {
            Span<byte> time = stackalloc byte[40];
            var version = new Utf8Cache();
            var source = new Utf8Cache();
            foreach (var row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                raw.sqlite3_bind_text(statement, 1, time[..PredictionLogSchema.FormatSqliteTime(row.LoggedAt, time)]);
                raw.sqlite3_bind_text(statement, 2, version.Bytes(row.ModelVersion));
                raw.sqlite3_bind_text(statement, 3, source.Bytes(row.Source));
                raw.sqlite3_bind_int(statement, 4, (int)row.Category);
                raw.sqlite3_bind_double(statement, 5, row.PHigh);
                raw.sqlite3_bind_double(statement, 6, row.PMedium);
                raw.sqlite3_bind_double(statement, 7, row.PLow);
                raw.sqlite3_bind_int(statement, 8, row.Features.Training ? 1 : 0);
                raw.sqlite3_bind_double(statement, 9, row.Features.Age);
                raw.sqlite3_bind_int(statement, 10, row.Features.EmergencyBraking ? 1 : 0);
                raw.sqlite3_bind_double(statement, 11, row.Features.BrakingDistance);
                raw.sqlite3_bind_double(statement, 12, row.Features.Power);
                raw.sqlite3_bind_double(statement, 13, row.Features.Miles);
                var done = raw.sqlite3_step(statement);
                if (done != raw.SQLITE_DONE)
                {
                    Check(db, done);
                }

                raw.sqlite3_reset(statement);
            }
        }

        transaction.Commit();
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<LoggedPrediction>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = PredictionLogSchema.SelectAfter("$after", "$limit");
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$limit", max);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await PredictionLogRows.ReadAllAsync(reader, (r, i) => PredictionLogSchema.ParseSqliteTime(r.GetString(i)), cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {PredictionLogSchema.Table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<long> LastIdAsync(CancellationToken cancellationToken = default)
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = PredictionLogSchema.SelectLastId;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release it so the folder can be removed.
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        return ValueTask.CompletedTask;
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        // In WAL mode NORMAL survives a crash of the process (not of the machine) and is much faster than FULL.
        pragma.CommandText = "PRAGMA synchronous=NORMAL";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <summary>The UTF-8 bytes of the last string asked for: a batch repeats the same version and source.</summary>
    private sealed class Utf8Cache
    {
        private string? _text;
        private byte[] _bytes = [];

        public ReadOnlySpan<byte> Bytes(string text)
        {
            if (!ReferenceEquals(text, _text) && text != _text)
            {
                _text = text;
                _bytes = System.Text.Encoding.UTF8.GetBytes(text);
            }

            return _bytes;
        }
    }

    private static void Check(sqlite3 db, int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite error {result}: {raw.sqlite3_errmsg(db).utf8_to_string()}", result);
        }
    }
}
