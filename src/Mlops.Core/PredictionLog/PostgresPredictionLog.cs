using Npgsql;
using NpgsqlTypes;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The prediction log in PostgreSQL, for a team that runs the service on several machines or wants
/// the log next to its other data. Batches go in with binary COPY, the fastest bulk path. Any number
/// of replicas may write at once; <see cref="FollowAsync"/> still reads every committed row exactly once.
/// </summary>
public sealed class PostgresPredictionLog : IPredictionLog
{
    /// <summary>
    /// The oldest transaction still running anywhere in the cluster, as a 64-bit <c>xid8</c>, taken from the
    /// statement's own snapshot: every transaction below it has committed (and is visible to that snapshot) or
    /// rolled back, so no row with a lower writer transaction can appear any more.
    /// </summary>
    private const string Horizon = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint";

    private static string FollowOf(PredictionLogColumns columns) => $"""
        SELECT {columns.SelectList()}, {PredictionLogSchema.WriterTransactionColumn}
        FROM {PredictionLogSchema.Table}
        WHERE ({PredictionLogSchema.WriterTransactionColumn}, id) > ($1, $2) AND {PredictionLogSchema.WriterTransactionColumn} < {Horizon}
        ORDER BY {PredictionLogSchema.WriterTransactionColumn}, id
        LIMIT $3
        """;

    /// <summary>Replicas that start together must not create the tables at once (CREATE … IF NOT EXISTS races on the catalog).</summary>
    private const long SchemaLock = 0x6d6c6f70735f6c6f; // "mlops_lo"

    private readonly NpgsqlDataSource _dataSource;
    private readonly PredictionLogColumns _columns;
    private readonly string _copy;
    private readonly string _follow;

    private PostgresPredictionLog(NpgsqlDataSource dataSource, string description, PredictionLogColumns columns)
    {
        _dataSource = dataSource;
        _columns = columns;
        _copy = $"COPY {PredictionLogSchema.Table} ({columns.InsertList}) FROM STDIN (FORMAT BINARY)";
        _follow = FollowOf(columns);
        Description = description;
        var database = new LogDatabase(async token => await dataSource.OpenConnectionAsync(token).ConfigureAwait(false), Postgres: true, time => time.ToUniversalTime());
        Labels = new LabelStore(database);
        Archive = new PredictionLogArchive(database, columns);
    }

    public LabelStore Labels { get; }

    public PredictionLogArchive Archive { get; }

    public string Description { get; }

    /// <summary>Connects, creating the table if missing. A bad connection string or an unreachable server is bad input.</summary>
    public static Task<PostgresPredictionLog> OpenAsync(string connectionString, CancellationToken cancellationToken = default) =>
        OpenAsync(connectionString, PredictionLogColumns.Insurance, cancellationToken);

    /// <summary>Connects, creating the table of <paramref name="columns"/>' problem if missing.</summary>
    public static async Task<PostgresPredictionLog> OpenAsync(string connectionString, PredictionLogColumns columns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidPredictionLogTargetException($"prediction log: invalid PostgreSQL connection string: {e.Message}", e);
        }

        var description = $"postgres:{builder.Host}:{builder.Port}/{builder.Database}";
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLock});\n" + columns.CreatePostgres + "\n" + LabelStore.CreatePostgres, connection, transaction))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new InvalidPredictionLogTargetException($"prediction log: cannot open {description}: {e.Message}", e);
        }

        return new PostgresPredictionLog(dataSource, description, columns);
    }

    public async Task AppendAsync(IReadOnlyList<LoggedPrediction> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var import = await connection.BeginBinaryImportAsync(_copy, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.LoggedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.ModelVersion, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.Source, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync((short)row.Category, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            foreach (var p in row.Probabilities)
            {
                await import.WriteAsync(p, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            }

            for (var f = 0; f < _columns.Features.Count; f++)
            {
                await WriteFeatureAsync(import, _columns.All[_columns.FirstFeature + f], row.Features[f], cancellationToken).ConfigureAwait(false);
            }

            await import.WriteAsync(row.PredictionId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
            if (row.RequestId is null)
            {
                await import.WriteNullAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await import.WriteAsync(row.RequestId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }
        }

        // COPY is one statement: the rows are committed together or not at all.
        await import.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<LoggedPrediction>> ReadAfterAsync(long afterId, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = _dataSource.CreateCommand(PredictionLogSchema.SelectAfter("$1", "$2", _columns));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = max });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await PredictionLogRows.ReadAllAsync(reader, _columns, (r, i) => r.GetFieldValue<DateTimeOffset>(i), cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT COUNT(*) FROM {PredictionLogSchema.Table}");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<long> LastIdAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(PredictionLogSchema.SelectLastId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Rows of transactions that end from now on (and of those still running now): the position below the horizon.</summary>
    public async Task<LogPosition> EndAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {Horizon}");
        return new LogPosition((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!, 0);
    }

    /// <summary>
    /// Follows the log in the order (writer transaction, id), reading only rows whose writer transaction is
    /// below the horizon — older than every transaction still running.
    /// </summary>
    /// <remarks>
    /// Why by id alone is wrong: ids come from a sequence when a COPY starts, rows become visible when it
    /// commits. Replica A takes ids 1–100, replica B 101–200 and commits first; a follower at id 200 never
    /// reads A's rows (the concurrent-writers test lost 137 of 349 rows that way).
    /// Why this is right: below the horizon the set of rows is final — no running transaction can add to it,
    /// and any later transaction gets a higher id than the horizon. So each page extends a prefix of the log
    /// in (transaction, id) order that will never change, and a follower that reads on from the last row's
    /// (transaction, id) reads every committed row once. The transaction id is the 64-bit one, which never
    /// wraps around. The price is latency: rows wait until every older transaction has ended — for the
    /// services' COPYs, milliseconds; a session left open in a transaction that wrote anything holds the
    /// follower back (never makes it skip) until it ends.
    /// </remarks>
    public async Task<LogPage> FollowAsync(LogPosition after, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        await using var command = _dataSource.CreateCommand(_follow);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Transaction });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after.Id });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = max });
        var transaction = after.Transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = await PredictionLogRows.ReadAllAsync(
            reader, _columns, (r, i) => r.GetFieldValue<DateTimeOffset>(i), cancellationToken, r => transaction = r.GetInt64(_columns.Names.Count)).ConfigureAwait(false);
        return new LogPage(rows, rows.Count == 0 ? after : new LogPosition(transaction, rows[^1].Id));
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>A feature's value as its column's type: a flag as SMALLINT, a category's index as INTEGER, a number as DOUBLE PRECISION; missing as NULL.</summary>
    private static Task WriteFeatureAsync(NpgsqlBinaryImporter import, LogColumn column, double value, CancellationToken cancellationToken) =>
        double.IsNaN(value) ? import.WriteNullAsync(cancellationToken)
        : column.Kind == LogColumnKind.Flag ? import.WriteAsync((short)value, NpgsqlDbType.Smallint, cancellationToken)
        : column.Kind == LogColumnKind.CategoryIndex ? import.WriteAsync((int)value, NpgsqlDbType.Integer, cancellationToken)
        : import.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);
}
