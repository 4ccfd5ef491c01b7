using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Testing;

namespace Mlops.Core.Tests.PredictionLog;

public sealed class SqlitePredictionLogTests
{
    private static readonly DateTimeOffset Noon = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Rows_come_back_as_written_with_increasing_ids()
    {
        using var temp = new TemporaryDirectory();
        await using var log = SqlitePredictionLog.Open(temp.File("sub/predictions.db"));
        var first = Row(Noon, "v1", "ml", InsuranceVectors.Customer(true, 51.5, true, 30.25, 100, 10), 0.1, 0.2, 0.7);
        var second = Row(Noon.AddMilliseconds(1.5), "v2", "baseline_out_of_range", InsuranceVectors.Customer(false, 40, false, 40, 20, 0), 0, 1, 0);

        await log.AppendAsync([first, second]);
        var rows = await log.ReadAfterAsync(0, 10);

        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].Id > 0 && rows[1].Id > rows[0].Id);
        Assert.Equal(first with { Id = rows[0].Id }, rows[0]);
        Assert.Equal(second with { Id = rows[1].Id }, rows[1]);
        Assert.Equal(TimeSpan.Zero, rows[1].LoggedAt.Offset);
        Assert.Equal(2, await log.CountAsync());
    }

    [Fact]
    public async Task The_last_id_is_0_for_an_empty_log_and_then_the_newest_rows()
    {
        using var temp = new TemporaryDirectory();
        await using var log = SqlitePredictionLog.Open(temp.File("predictions.db"));
        Assert.Equal(0, await log.LastIdAsync());

        await log.AppendAsync([.. Enumerable.Range(0, 5).Select(i => Row(Noon.AddSeconds(i), "v1", "ml", InsuranceVectors.Customer(false, 30 + i, false, 40, 100, 10), 1, 0, 0))]);

        var rows = await log.ReadAfterAsync(0, 10);
        Assert.Equal(rows[^1].Id, await log.LastIdAsync());
        Assert.Empty(await log.ReadAfterAsync(await log.LastIdAsync(), 10));
    }

    [Fact]
    public async Task A_reader_follows_the_log_by_id_in_pages()
    {
        using var temp = new TemporaryDirectory();
        await using var log = SqlitePredictionLog.Open(temp.File("predictions.db"));
        for (var batch = 0; batch < 3; batch++)
        {
            await log.AppendAsync([.. Enumerable.Range(0, 10).Select(i => Row(Noon.AddSeconds((batch * 10) + i), "v1", "ml", InsuranceVectors.Customer(false, 20 + (batch * 10) + i, false, 40, 100, 10), 1, 0, 0))]);
        }

        var seen = new List<LoggedPrediction>();
        long after = 0;
        while (await log.ReadAfterAsync(after, 7) is { Count: > 0 } page)
        {
            seen.AddRange(page);
            after = page[^1].Id;
        }

        Assert.Equal(Enumerable.Range(20, 30).Select(a => (double)a), seen.Select(r => r.Features[Mlops.Core.Problems.ProblemSchema.Insurance.FeatureIndex("age")]));
        Assert.Empty(await log.ReadAfterAsync(after, 7));
    }

    [Fact]
    public async Task Reopening_keeps_the_rows_and_the_schema_is_the_shared_one()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("predictions.db");
        await using (var log = SqlitePredictionLog.Open(path))
        {
            await log.AppendAsync([Row(Noon, "v1", "ml", InsuranceVectors.Customer(false, 30, false, 40, 100, 10), 0.2, 0.5, 0.3)]);
        }

        await using var reopened = SqlitePredictionLog.Open(path);
        Assert.Equal(1, await reopened.CountAsync());

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info('predictions') ORDER BY cid";
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        Assert.Equal(
            ["id", "logged_at", "model_version", "source", "category", "p_high", "p_medium", "p_low", "training", "age", "emergency_braking", "braking_distance", "power", "miles", "prediction_id", "request_id"],
            columns);
        Assert.Equal(PredictionLogSchema.Columns, columns);
    }

    [Fact]
    public async Task A_log_from_before_prediction_ids_gets_the_key_columns_and_keeps_its_rows()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File("predictions.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE predictions (id INTEGER PRIMARY KEY AUTOINCREMENT, logged_at TEXT NOT NULL, model_version TEXT NOT NULL, source TEXT NOT NULL,
                    category INTEGER NOT NULL, p_high REAL NOT NULL, p_medium REAL NOT NULL, p_low REAL NOT NULL, training INTEGER NOT NULL, age REAL NOT NULL,
                    emergency_braking INTEGER NOT NULL, braking_distance REAL NOT NULL, power REAL NOT NULL, miles REAL NOT NULL);
                INSERT INTO predictions (logged_at, model_version, source, category, p_high, p_medium, p_low, training, age, emergency_braking, braking_distance, power, miles)
                    VALUES ('2024-05-01T12:00:00.0000000Z', 'v1', 'ml', 2, 0, 0, 1, 0, 30, 1, 40, 100, 10);
                """;
            await command.ExecuteNonQueryAsync();
        }

        await using var log = SqlitePredictionLog.Open(path);
        var added = Row(Noon, "v1", "ml", InsuranceVectors.Customer(false, 30, false, 40, 100, 10), 0.2, 0.5, 0.3) with { RequestId = "customer-9" };
        await log.AppendAsync([added]);

        var rows = await log.ReadAfterAsync(0, 10);
        Assert.Equal(Guid.Empty, rows[0].PredictionId);
        Assert.Null(rows[0].RequestId);
        Assert.Equal(added with { Id = rows[1].Id }, rows[1]);
    }

    [Theory]
    [InlineData("sqlite:/tmp/x/predictions.db", PredictionLogKind.Sqlite, "/tmp/x/predictions.db")]
    [InlineData("postgres:Host=db;Database=mlops;Username=u;Password=secret", PredictionLogKind.Postgres, "Host=db;Database=mlops;Username=u;Password=secret")]
    [InlineData("postgresql:Host=db", PredictionLogKind.Postgres, "Host=db")]
    public void Targets_are_parsed(string text, PredictionLogKind kind, string location)
    {
        var target = PredictionLogTarget.Parse(text);
        Assert.Equal(kind, target.Kind);
        Assert.Equal(location, target.Location);
    }

    [Fact]
    public void A_target_never_shows_the_password()
    {
        var target = PredictionLogTarget.Parse("postgres:Host=db;Port=5433;Database=mlops;Username=u;Password=secret");
        Assert.Equal("postgres:db:5433/mlops", target.ToString());
    }

    [Theory]
    [InlineData("predictions.db")]
    [InlineData("mysql:foo")]
    [InlineData("sqlite:")]
    [InlineData("postgres:  ")]
    public void Bad_targets_are_bad_input_with_one_line(string text)
    {
        var error = Assert.Throws<InvalidPredictionLogTargetException>(() => PredictionLogTarget.Parse(text));
        Assert.DoesNotContain('\n', error.Message);
    }

    private static LoggedPrediction Row(DateTimeOffset at, string version, string source, double[] customer, params double[] p) =>
        LoggedPrediction.Of(at, version, source, new ClassPrediction(Array.IndexOf(p, p.Max()), p), customer);
}
