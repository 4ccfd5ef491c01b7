using Npgsql;
using NpgsqlTypes;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The prediction log in PostgreSQL, for a team that runs the service on several machines or wants
/// the log next to its other data. Batches go in with binary COPY, the fastest bulk path.
/// </summary>
public sealed class PostgresPredictionLog : IPredictionLog
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PredictionLogColumns _columns;
    private readonly string _copy;

    private PostgresPredictionLog(NpgsqlDataSource dataSource, string description, PredictionLogColumns columns)
    {
        _dataSource = dataSource;
        _columns = columns;
        _copy = $"COPY {PredictionLogSchema.Table} ({columns.InsertList}) FROM STDIN (FORMAT BINARY)";
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
            await using var command = dataSource.CreateCommand(columns.CreatePostgres + "\n" + LabelStore.CreatePostgres);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
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

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>A feature's value as its column's type: a flag as SMALLINT, a category's index as INTEGER, a number as DOUBLE PRECISION; missing as NULL.</summary>
    private static Task WriteFeatureAsync(NpgsqlBinaryImporter import, LogColumn column, double value, CancellationToken cancellationToken) =>
        double.IsNaN(value) ? import.WriteNullAsync(cancellationToken)
        : column.Kind == LogColumnKind.Flag ? import.WriteAsync((short)value, NpgsqlDbType.Smallint, cancellationToken)
        : column.Kind == LogColumnKind.CategoryIndex ? import.WriteAsync((int)value, NpgsqlDbType.Integer, cancellationToken)
        : import.WriteAsync(value, NpgsqlDbType.Double, cancellationToken);
}
