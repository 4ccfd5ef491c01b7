using System.Data.Common;
using System.Globalization;

namespace Mlops.Core.PredictionLog;

/// <summary>
/// Late ground truth, stored next to the prediction log in the same database (table
/// <see cref="Table"/>: prediction_id, label, arrived_at), one label per prediction. Labels name a
/// prediction by its id or by the client's key; they are resolved to prediction ids when they arrive.
/// One implementation for both databases: the statements are plain SQL with named parameters, which
/// SQLite and PostgreSQL read alike; only the id's type differs (TEXT in SQLite, UUID in PostgreSQL).
/// </summary>
public sealed class LabelStore
{
    public const string Table = "labels";

    /// <summary>Keys per IN (…) list: well below SQLite's 32,766 parameters and PostgreSQL's 65,535.</summary>
    private const int Chunk = 500;

    private readonly LogDatabase _database;

    internal LabelStore(LogDatabase database) => _database = database;

    public static string CreateSqlite { get; } = $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            prediction_id TEXT PRIMARY KEY,
            label INTEGER NOT NULL,
            arrived_at TEXT NOT NULL
        )
        """;

    public static string CreatePostgres { get; } = $"""
        CREATE TABLE IF NOT EXISTS {Table} (
            prediction_id UUID PRIMARY KEY,
            label SMALLINT NOT NULL,
            arrived_at TIMESTAMPTZ NOT NULL
        )
        """;

    /// <summary>
    /// Stores the labels that arrived at <paramref name="arrivedAt"/>, in one transaction. The keys
    /// must be well-formed (a prediction id a UUID): check them before, so that bad input stores nothing.
    /// </summary>
    public async Task<LabelReport> AddAsync(LabelKey key, IReadOnlyList<ArrivedLabel> labels, DateTimeOffset arrivedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var conflicts = new List<string>();
        var unknown = new List<string>();

        // The same key twice in one set: once if the labels agree, a conflict if not.
        var wanted = new Dictionary<string, int>(StringComparer.Ordinal);
        var contradicted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var normal = Normal(key, label.Key);
            if (wanted.TryGetValue(normal, out var earlier) && earlier != label.Label)
            {
                contradicted.Add(normal);
            }

            wanted.TryAdd(normal, label.Label);
        }

        foreach (var normal in contradicted)
        {
            wanted.Remove(normal);
            conflicts.Add(normal);
        }

        await using var connection = await _database.Connect(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Key → the predictions it names.
        var predictions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var keyColumn = key.Column();
        foreach (var chunk in wanted.Keys.Chunk(Chunk))
        {
            await using var select = Command(connection, transaction, $"SELECT prediction_id, {keyColumn} FROM {PredictionLogSchema.Table} WHERE prediction_id IS NOT NULL AND {keyColumn} IN ({Parameters(chunk.Length)})", chunk, key == LabelKey.PredictionId);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var id = Text(reader.GetValue(0));
                var k = key == LabelKey.PredictionId ? id : reader.GetString(1);
                if (!predictions.TryGetValue(k, out var ids))
                {
                    predictions[k] = ids = [];
                }

                ids.Add(id);
            }
        }

        unknown.AddRange(wanted.Keys.Where(k => !predictions.ContainsKey(k)));

        // Prediction → the label it already has.
        var existing = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in predictions.Values.SelectMany(ids => ids).Chunk(Chunk))
        {
            await using var select = Command(connection, transaction, $"SELECT prediction_id, label FROM {Table} WHERE prediction_id IN ({Parameters(chunk.Length)})", chunk, uuid: true);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                existing[Text(reader.GetValue(0))] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        var stored = 0;
        var known = 0;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {Table} (prediction_id, label, arrived_at) VALUES (@id, @label, @at) ON CONFLICT (prediction_id) DO NOTHING";
        var idParameter = LogDatabase.AddParameter(insert, "@id", "");
        var labelParameter = LogDatabase.AddParameter(insert, "@label", (short)0);
        LogDatabase.AddParameter(insert, "@at", _database.Time(arrivedAt));
        foreach (var (k, ids) in predictions)
        {
            var label = wanted[k];
            var clash = false;
            foreach (var id in ids)
            {
                if (existing.TryGetValue(id, out var stands))
                {
                    known += stands == label ? 1 : 0;
                    clash |= stands != label;
                    continue;
                }

                idParameter.Value = Id(id, uuid: true);
                labelParameter.Value = (short)label;
                stored += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            if (clash)
            {
                conflicts.Add(k);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LabelReport(labels.Count, stored, known, conflicts.Count, [.. conflicts.Take(LabelReport.Examples)], unknown.Count, [.. unknown.Take(LabelReport.Examples)]);
    }

    /// <summary>Every label: prediction id → the class's index in the problem's class order.</summary>
    public async Task<IReadOnlyDictionary<Guid, int>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.Connect(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT prediction_id, label FROM {Table}";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var labels = new Dictionary<Guid, int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            labels[Guid.Parse(Text(reader.GetValue(0)))] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return labels;
    }

    /// <summary>How many labels have arrived: what the monitor polls to see that new ones came.</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.Connect(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Table}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>A prediction id in the one spelling both databases compare equal: lower-case "D" format.</summary>
    private static string Normal(LabelKey key, string text) =>
        key == LabelKey.PredictionId && Guid.TryParse(text, out var id) ? id.ToString() : text;

    private static string Text(object value) => value is Guid id ? id.ToString() : Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private object Id(string text, bool uuid) => uuid && _database.Postgres ? Guid.Parse(text) : text;

    private DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, string[] values, bool uuid)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            LogDatabase.AddParameter(command, "@p" + i.ToString(CultureInfo.InvariantCulture), Id(values[i], uuid));
        }

        return command;
    }

    private static string Parameters(int count) =>
        string.Join(", ", Enumerable.Range(0, count).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture)));
}
