using System.Data.Common;
using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// Retention of the prediction log: old rows, joined to their labels, go to a Parquet file
/// (<see cref="ExportAsync"/>), and only rows an export covers are deleted (<see cref="PruneAsync"/>).
/// Every export is recorded in the log's own database (table <see cref="Table"/>), so prune knows how
/// far the archives reach. One implementation for both databases, like <see cref="LabelStore"/>.
/// </summary>
public sealed class PredictionLogArchive
{
    public const string Table = "exports";

    /// <summary>Rows per Parquet row group, read from the database in one query: bounds the memory an export needs.</summary>
    private const int RowGroup = 100_000;

    private readonly LogDatabase _database;
    private readonly PredictionLogColumns _columns;
    private readonly IReadOnlyList<DataField> _fields;

    internal PredictionLogArchive(LogDatabase database, PredictionLogColumns columns)
    {
        _database = database;
        _columns = columns;
        _fields = FieldsOf(columns);
    }

    /// <summary>The talk's exported columns (<see cref="FieldsOf"/>).</summary>
    public static IReadOnlyList<DataField> Fields { get; } = FieldsOf(PredictionLogColumns.Insurance);

    /// <summary>The exported file's columns: the log's own, typed by what they hold (a flag, a class or a category's index as a whole number), then the label joined in (null where none arrived).</summary>
    public static IReadOnlyList<DataField> FieldsOf(PredictionLogColumns columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return
        [
            .. columns.All.Select(Field),
            new DataField<int?>("label"),
            new DateTimeDataField("label_arrived_at", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true),
        ];
    }

    private string CreateTable => _database.Postgres
        ? $"CREATE TABLE IF NOT EXISTS {Table} (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, exported_before TIMESTAMPTZ NOT NULL, file TEXT NOT NULL, row_count BIGINT NOT NULL, exported_at TIMESTAMPTZ NOT NULL)"
        : $"CREATE TABLE IF NOT EXISTS {Table} (id INTEGER PRIMARY KEY AUTOINCREMENT, exported_before TEXT NOT NULL, file TEXT NOT NULL, row_count INTEGER NOT NULL, exported_at TEXT NOT NULL)";

    /// <summary>
    /// Writes every row answered before <paramref name="before"/>, with its label, to <paramref name="file"/>:
    /// first to a temporary file next to it, renamed when complete, so no half-written archive is ever
    /// seen; then records the export. An existing file is replaced only with <paramref name="overwrite"/>.
    /// </summary>
    public async Task<ExportReport> ExportAsync(DateTimeOffset before, string file, bool overwrite, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var path = Path.GetFullPath(file);
        if (!overwrite && File.Exists(path))
        {
            throw new InvalidInputException($"{file}: already exists (--force replaces it)");
        }

        // Recorded as the export's time: a label that arrives after this may be missing from the file,
        // so prune keeps its prediction until a later export has it.
        var startedAt = DateTimeOffset.UtcNow;
        await using var connection = await _database.Connect(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, CreateTable, cancellationToken).ConfigureAwait(false);
        var temporary = path + ".partial-" + Guid.NewGuid().ToString("N");
        long rows = 0, labeled = 0;
        try
        {
            await using (var stream = File.Create(temporary))
            await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(_fields), stream, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var after = 0L;
                while (true)
                {
                    var columns = _fields.Select(ColumnBuffer.For).ToArray();
                    await using (var select = LogDatabase.Command(connection, null, Select, ("@before", _database.Time(before)), ("@after", after), ("@limit", RowGroup)))
                    await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            for (var i = 0; i < columns.Length; i++)
                            {
                                columns[i].Add(reader.GetValue(i));
                            }

                            after = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
                            labeled += reader.IsDBNull(columns.Length - 2) ? 0 : 1;
                        }
                    }

                    var count = columns[0].Count;
                    if (count == 0 && rows > 0)
                    {
                        break;
                    }

                    // An empty export still writes one empty row group: the file has the schema and reads back as zero rows.
                    using (var group = writer.CreateRowGroup())
                    {
                        for (var i = 0; i < columns.Length; i++)
                        {
                            await columns[i].WriteAsync(group, _fields[i], cancellationToken).ConfigureAwait(false);
                        }
                    }

                    rows += count;
                    if (count < RowGroup)
                    {
                        break;
                    }
                }
            }

            File.Move(temporary, path, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }

        await using var record = LogDatabase.Command(
            connection, null, $"INSERT INTO {Table} (exported_before, file, row_count, exported_at) VALUES (@before, @file, @rows, @at)",
            ("@before", _database.Time(before)), ("@file", path), ("@rows", rows), ("@at", _database.Time(startedAt)));
        await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new ExportReport(before, path, rows, labeled);
    }

    /// <summary>
    /// Deletes the rows answered before <paramref name="before"/> and their labels, in one transaction;
    /// refuses (deletes nothing) if one of them is not covered by an export, or has a label that arrived
    /// after the last export covering it began (the archive lacks that label: export again), unless
    /// <paramref name="force"/>.
    /// </summary>
    public async Task<PruneReport> PruneAsync(DateTimeOffset before, bool force, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.Connect(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, CreateTable, cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var covered = LogDatabase.Command(connection, transaction, $"SELECT MAX(exported_before) FROM {Table}");
        var exportedBefore = Time(await covered.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
        if (!force && (exportedBefore is null || exportedBefore < before))
        {
            await using var first = LogDatabase.Command(
                connection, transaction, $"SELECT MIN(logged_at) FROM {PredictionLogSchema.Table} WHERE logged_at >= @from AND logged_at < @before",
                ("@from", _database.Time(exportedBefore ?? DateTimeOffset.UnixEpoch)), ("@before", _database.Time(before)));
            if (Time(await first.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)) is { } unexported)
            {
                return new PruneReport(before, 0, 0, exportedBefore, unexported);
            }
        }

        if (!force)
        {
            await using var late = LogDatabase.Command(
                connection, transaction,
                $"SELECT MIN(p.logged_at), COUNT(*) FROM {PredictionLogSchema.Table} p JOIN {LabelStore.Table} l ON l.prediction_id = p.prediction_id " +
                $"WHERE p.logged_at < @before AND l.arrived_at >= (SELECT MAX(e.exported_at) FROM {Table} e WHERE e.exported_before > p.logged_at)",
                ("@before", _database.Time(before)));
            await using var reader = await late.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && Time(reader.GetValue(0)) is { } first)
            {
                return new PruneReport(before, 0, 0, exportedBefore, first) { LateLabels = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) };
            }
        }

        await using var labels = LogDatabase.Command(
            connection, transaction,
            $"DELETE FROM {LabelStore.Table} WHERE prediction_id IN (SELECT prediction_id FROM {PredictionLogSchema.Table} WHERE logged_at < @before AND prediction_id IS NOT NULL)",
            ("@before", _database.Time(before)));
        var deletedLabels = await labels.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await using var predictions = LogDatabase.Command(connection, transaction, $"DELETE FROM {PredictionLogSchema.Table} WHERE logged_at < @before", ("@before", _database.Time(before)));
        var deleted = await predictions.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new PruneReport(before, deleted, deletedLabels, exportedBefore, null);
    }

    /// <summary>Rows answered before <paramref name="before"/> still in the log.</summary>
    public async Task<long> CountBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.Connect(cancellationToken).ConfigureAwait(false);
        await using var count = LogDatabase.Command(connection, null, $"SELECT COUNT(*) FROM {PredictionLogSchema.Table} WHERE logged_at < @before", ("@before", _database.Time(before)));
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    private string Select =>
        $"SELECT {_columns.SelectList("p")}, l.label, l.arrived_at " +
        $"FROM {PredictionLogSchema.Table} p LEFT JOIN {LabelStore.Table} l ON l.prediction_id = p.prediction_id " +
        "WHERE p.logged_at < @before AND p.id > @after ORDER BY p.id LIMIT @limit";

    private static DataField Field(LogColumn column) => column.Kind switch
    {
        LogColumnKind.Id => new DataField<long>(column.Name),
        LogColumnKind.Time => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: column.Nullable),
        LogColumnKind.Text or LogColumnKind.PredictionId => new DataField<string>(column.Name, nullable: column.Nullable),
        _ when column.IsInteger => column.Nullable ? new DataField<int?>(column.Name) : new DataField<int>(column.Name),
        _ => column.Nullable ? new DataField<double?>(column.Name) : new DataField<double>(column.Name),
    };

    /// <summary>A time as either database returns it: PostgreSQL a UTC <see cref="DateTime"/>, SQLite its fixed-width text.</summary>
    internal static DateTimeOffset? Time(object? value) => value switch
    {
        null or DBNull => null,
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        DateTimeOffset t => t.ToUniversalTime(),
        string s => PredictionLogSchema.ParseSqliteTime(s),
        _ => throw new InvalidDataException($"a time column holds a {value.GetType().Name}"),
    };

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = LogDatabase.Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
