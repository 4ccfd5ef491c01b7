using Microsoft.Data.Sqlite;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// The prediction log in an embedded SQLite file (the default: <c>$MLOPS_HOME/predictions.db</c>).
/// Write-ahead logging lets the monitor read while the service appends.
/// </summary>
public sealed class SqlitePredictionLog : IPredictionLog
{
    private static readonly string Insert =
        $"INSERT INTO {PredictionLogSchema.Table} ({string.Join(", ", PredictionLogSchema.InsertColumns)}) " +
        $"VALUES ({string.Join(", ", PredictionLogSchema.InsertColumns.Select(c => "$" + c))})";

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

        // SQLite has no real async IO: one prepared insert per row inside one transaction is its fast path.
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Insert;
        var parameters = PredictionLogSchema.InsertColumns.Select(c => command.Parameters.Add("$" + c, SqliteType.Text)).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            parameters[0].SqliteType = SqliteType.Text;
            parameters[0].Value = PredictionLogSchema.FormatSqliteTime(row.LoggedAt);
            parameters[1].Value = row.ModelVersion;
            parameters[2].Value = row.Source;
            SetInteger(parameters[3], (int)row.Category);
            SetReal(parameters[4], row.PHigh);
            SetReal(parameters[5], row.PMedium);
            SetReal(parameters[6], row.PLow);
            SetInteger(parameters[7], row.Features.Training ? 1 : 0);
            SetReal(parameters[8], row.Features.Age);
            SetInteger(parameters[9], row.Features.EmergencyBraking ? 1 : 0);
            SetReal(parameters[10], row.Features.BrakingDistance);
            SetReal(parameters[11], row.Features.Power);
            SetReal(parameters[12], row.Features.Miles);
            command.ExecuteNonQuery();
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

    private static void SetInteger(SqliteParameter parameter, long value)
    {
        parameter.SqliteType = SqliteType.Integer;
        parameter.Value = value;
    }

    private static void SetReal(SqliteParameter parameter, double value)
    {
        parameter.SqliteType = SqliteType.Real;
        parameter.Value = value;
    }
}
