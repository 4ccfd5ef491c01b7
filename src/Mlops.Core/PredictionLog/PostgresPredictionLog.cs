using Npgsql;
using NpgsqlTypes;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The prediction log in PostgreSQL, for a team that runs the service on several machines or wants
/// the log next to its other data. Batches go in with binary COPY, the fastest bulk path.
/// </summary>
public sealed class PostgresPredictionLog : IPredictionLog
{
    private static readonly string Copy =
        $"COPY {PredictionLogSchema.Table} ({string.Join(", ", PredictionLogSchema.InsertColumns)}) FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlDataSource _dataSource;

    private PostgresPredictionLog(NpgsqlDataSource dataSource, string description)
    {
        _dataSource = dataSource;
        Description = description;
        var database = new LogDatabase(async token => await dataSource.OpenConnectionAsync(token).ConfigureAwait(false), Postgres: true, time => time.ToUniversalTime());
        Labels = new LabelStore(database);
        Archive = new PredictionLogArchive(database);
    }

    public LabelStore Labels { get; }

    public PredictionLogArchive Archive { get; }

    public string Description { get; }

    /// <summary>Connects, creating the table if missing. A bad connection string or an unreachable server is bad input.</summary>
    public static async Task<PostgresPredictionLog> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
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
            await using var command = dataSource.CreateCommand(PredictionLogSchema.CreatePostgres + "\n" + LabelStore.CreatePostgres);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new InvalidPredictionLogTargetException($"prediction log: cannot open {description}: {e.Message}", e);
        }

        return new PostgresPredictionLog(dataSource, description);
    }

    public async Task AppendAsync(IReadOnlyList<LoggedPrediction> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var import = await connection.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await import.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.LoggedAt, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.ModelVersion, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.Source, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync((short)row.Category, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.PHigh, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.PMedium, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.PLow, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync((short)(row.Features.Training ? 1 : 0), NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.Features.Age, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync((short)(row.Features.EmergencyBraking ? 1 : 0), NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.Features.BrakingDistance, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.Features.Power, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
            await import.WriteAsync(row.Features.Miles, NpgsqlDbType.Double, cancellationToken).ConfigureAwait(false);
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
        await using var command = _dataSource.CreateCommand(PredictionLogSchema.SelectAfter("$1", "$2"));
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = max });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await PredictionLogRows.ReadAllAsync(reader, (r, i) => r.GetFieldValue<DateTimeOffset>(i), cancellationToken).ConfigureAwait(false);
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
}
