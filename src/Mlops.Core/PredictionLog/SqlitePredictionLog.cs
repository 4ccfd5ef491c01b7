using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The prediction log in an embedded SQLite file (the default: <c>$MLOPS_HOME/predictions.db</c>).
/// Write-ahead logging lets the monitor read while the service appends.
/// </summary>
public sealed class SqlitePredictionLog : IPredictionLog
{
    private readonly string _connectionString;
    private readonly string _synchronous;
    private readonly PredictionLogColumns _columns;

    /// <summary>The insert with positional parameters ?1 … ?N, in <see cref="PredictionLogColumns.Inserted"/> order.</summary>
    private readonly string _insert;

    private SqlitePredictionLog(string path, bool syncEveryCommit, PredictionLogColumns columns)
    {
        _columns = columns;
        _insert = $"INSERT INTO {PredictionLogSchema.Table} ({columns.InsertList}) " +
            $"VALUES ({string.Join(", ", columns.Inserted.Select((_, i) => "?" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();

        // In WAL mode NORMAL survives a crash of the process (the committed transaction is in the
        // operating system's cache) but not of the machine; FULL syncs the WAL to the disk at every
        // commit and survives a power loss too, at the cost of one fsync per group commit.
        _synchronous = syncEveryCommit ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
        var database = new LogDatabase(_ => Task.FromResult<System.Data.Common.DbConnection>(Connect()), Postgres: false, time => PredictionLogSchema.FormatSqliteTime(time));
        Labels = new LabelStore(database);
        Archive = new PredictionLogArchive(database, columns);
    }

    public LabelStore Labels { get; }

    public PredictionLogArchive Archive { get; }

    public string Path { get; }

    public string Description => "sqlite:" + Path;

    /// <summary>Opens the log at <paramref name="path"/>, creating the file and the table if missing (and adding the key columns to a log from before they existed).</summary>
    /// <param name="path">The database file.</param>
    /// <param name="syncEveryCommit">SQLite's <c>synchronous=FULL</c>: a commit survives a power loss, not only a crash of the process.</param>
    /// <param name="columns">The problem's columns; the talk's by default.</param>
    public static SqlitePredictionLog Open(string path, bool syncEveryCommit = false, PredictionLogColumns? columns = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var log = new SqlitePredictionLog(path, syncEveryCommit, columns ?? PredictionLogColumns.Insurance);
        var folder = System.IO.Path.GetDirectoryName(log.Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var connection = log.Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; " + log._columns.CreateSqlite;
        command.ExecuteNonQuery();
        AddMissingKeyColumns(connection);
        command.CommandText = PredictionLogSchema.Indexes + LabelStore.CreateSqlite;
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
        Check(db, raw.sqlite3_prepare_v2(db, _insert, out var statement));
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
                raw.sqlite3_bind_int(statement, 4, row.Category);
                var at = 5;
                foreach (var p in row.Probabilities)
                {
                    raw.sqlite3_bind_double(statement, at++, p);
                }

                for (var f = 0; f < _columns.Features.Count; f++, at++)
                {
                    var value = row.Features[f];
                    if (double.IsNaN(value))
                    {
                        raw.sqlite3_bind_null(statement, at);
                    }
                    else if (_columns.All[_columns.FirstFeature + f].IsInteger)
                    {
                        raw.sqlite3_bind_int(statement, at, (int)value);
                    }
                    else
                    {
                        raw.sqlite3_bind_double(statement, at, value);
                    }
                }

                raw.sqlite3_bind_text(statement, at++, row.PredictionId.ToString());
                if (row.RequestId is null)
                {
                    raw.sqlite3_bind_null(statement, at);
                }
                else
                {
                    raw.sqlite3_bind_text(statement, at, row.RequestId);
                }

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
        command.CommandText = PredictionLogSchema.SelectAfter("$after", "$limit", _columns);
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$limit", max);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await PredictionLogRows.ReadAllAsync(reader, _columns, (r, i) => PredictionLogSchema.ParseSqliteTime(r.GetString(i)), cancellationToken).ConfigureAwait(false);
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
        pragma.CommandText = _synchronous;
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static void AddMissingKeyColumns(SqliteConnection connection)
    {
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var info = connection.CreateCommand())
        {
            info.CommandText = $"SELECT name FROM pragma_table_info('{PredictionLogSchema.Table}')";
            using var reader = info.ExecuteReader();
            while (reader.Read())
            {
                existing.Add(reader.GetString(0));
            }
        }

        foreach (var (column, type) in PredictionLogSchema.KeyColumns.Where(c => !existing.Contains(c.Column)))
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE {PredictionLogSchema.Table} ADD COLUMN {column} {type}";
            alter.ExecuteNonQuery();
        }
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
