using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Testing;
using Parquet;

namespace Mlops.Cli.Tests.Log;

/// <summary>
/// <c>mlops log export</c> and <c>mlops log prune</c> on a real SQLite log: the archive reads back with
/// Parquet.Net and holds the log's rows and labels; prune deletes only what an export covers.
/// </summary>
public sealed class LogArchiveCommandTests
{
    /// <summary>Three answers in January 2026, two in February; the first and the fourth get labels.</summary>
    private static readonly DateTimeOffset[] Times =
    [
        new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero), new(2026, 1, 20, 8, 30, 0, TimeSpan.Zero), new(2026, 1, 31, 23, 59, 59, TimeSpan.Zero),
        new(2026, 2, 5, 12, 0, 0, TimeSpan.Zero), new(2026, 2, 10, 12, 0, 0, TimeSpan.Zero),
    ];

    private static readonly DateTimeOffset LabelsArrived = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Export_writes_the_rows_before_the_date_with_their_labels_to_a_Parquet_file_that_reads_back()
    {
        using var home = new TemporaryDirectory();
        var rows = await LogAsync(home);
        var file = home.File("january.parquet");

        var run = await RunAsync(home, "log", "export", "--before", "2026-02-01", "--out", file, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using (var report = JsonDocument.Parse(run.StandardOutput))
        {
            Assert.Equal(3, report.RootElement.GetProperty("rows").GetInt64());
            Assert.Equal(1, report.RootElement.GetProperty("labeled").GetInt64());
        }

        Assert.Empty(Directory.GetFiles(home.Path, "*.partial-*"));
        await using var reader = await ParquetReader.CreateAsync(file);
        Assert.Equal(1, reader.RowGroupCount);
        using var group = reader.OpenRowGroupReader(0);
        Assert.Equal(3, group.RowCount);
        var ids = new long[3];
        var times = new DateTime[3];
        var predictionIds = new string[3];
        var requestIds = new string[3];
        var ages = new double[3];
        var categories = new int[3];
        var labels = new int?[3];
        var arrived = new DateTime?[3];
        await group.ReadAsync<long>(reader.Schema.FindDataField("id"), ids);
        await group.ReadAsync<DateTime>(reader.Schema.FindDataField("logged_at"), times);
        await group.ReadAsync(reader.Schema.FindDataField("prediction_id"), predictionIds);
        await group.ReadAsync(reader.Schema.FindDataField("request_id"), requestIds);
        await group.ReadAsync<double>(reader.Schema.FindDataField("age"), ages);
        await group.ReadAsync<int>(reader.Schema.FindDataField("category"), categories);
        await group.ReadAsync<int>(reader.Schema.FindDataField("label"), labels);
        await group.ReadAsync<DateTime>(reader.Schema.FindDataField("label_arrived_at"), arrived);

        Assert.Equal([1L, 2L, 3L], ids);
        Assert.Equal(Times[..3].Select(t => t.UtcDateTime), times.Select(t => DateTime.SpecifyKind(t, DateTimeKind.Utc)));
        Assert.Equal(rows[..3].Select(r => r.PredictionId.ToString()), predictionIds);
        Assert.Equal(["c0", "c1", "c2"], requestIds);
        Assert.Equal(rows[..3].Select(r => r.Features[Mlops.Core.Problems.ProblemSchema.Insurance.FeatureIndex("age")]), ages);
        Assert.Equal(rows[..3].Select(r => (int)r.Category), categories);
        Assert.Equal([(int)RiskGroup.High, null, null], labels);
        Assert.Equal(LabelsArrived.UtcDateTime, DateTime.SpecifyKind(arrived[0]!.Value, DateTimeKind.Utc));
        Assert.Null(arrived[1]);
    }

    [Fact]
    public async Task Prune_refuses_rows_no_export_covers_naming_the_first_and_force_deletes_them()
    {
        using var home = new TemporaryDirectory();
        await LogAsync(home);

        var refused = await RunAsync(home, "log", "prune", "--before", "2026-02-01");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("2026-01-10T12:00:00", refused.StandardError, StringComparison.Ordinal);
        Assert.Single(refused.StandardError.Trim().Split('\n'));
        Assert.Equal(5, await CountAsync(home));

        var forced = await RunAsync(home, "log", "prune", "--before", "2026-02-01", "--force", "--json");

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(2, await CountAsync(home));
    }

    [Fact]
    public async Task Prune_after_export_deletes_exactly_the_rows_before_the_date_and_their_labels()
    {
        using var home = new TemporaryDirectory();
        var rows = await LogAsync(home);
        Assert.Equal(0, (await RunAsync(home, "log", "export", "--before", "2026-02-01T00:00:00Z", "--out", home.File("january.parquet"))).ExitCode);

        // The export reaches 1 February: 5 February is not covered.
        var beyond = await RunAsync(home, "log", "prune", "--before", "2026-02-08");
        Assert.Equal(1, beyond.ExitCode);
        Assert.Contains("2026-02-05T12:00:00", beyond.StandardError, StringComparison.Ordinal);

        var run = await RunAsync(home, "log", "prune", "--before", "2026-02-01", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using (var report = JsonDocument.Parse(run.StandardOutput))
        {
            Assert.Equal(3, report.RootElement.GetProperty("predictions").GetInt64());
            Assert.Equal(1, report.RootElement.GetProperty("labels").GetInt64());
        }

        await using var log = SqlitePredictionLog.Open(home.File("predictions.db"));
        var left = await log.ReadAfterAsync(0, 100);
        Assert.Equal(rows[3..].Select(r => r.PredictionId), left.Select(r => r.PredictionId));
        var labels = await log.Labels.ReadAllAsync();
        Assert.Equal([rows[3].PredictionId], labels.Keys);
    }

    [Fact]
    public async Task A_label_that_arrives_after_its_prediction_was_exported_is_not_pruned_until_an_export_holds_it()
    {
        using var home = new TemporaryDirectory();
        var rows = await LogAsync(home);
        Assert.Equal(0, (await RunAsync(home, "log", "export", "--before", "2026-02-01", "--out", home.File("first.parquet"))).ExitCode);
        await using (var log = SqlitePredictionLog.Open(home.File("predictions.db")))
        {
            await log.Labels.AddAsync(LabelKey.PredictionId, [new ArrivedLabel(rows[1].PredictionId.ToString(), (int)RiskGroup.Medium, "test")], DateTimeOffset.UtcNow);
        }

        var refused = await RunAsync(home, "log", "prune", "--before", "2026-02-01");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("1 labels arrived after their predictions were exported", refused.StandardError, StringComparison.Ordinal);
        Assert.Equal(5, await CountAsync(home));

        Assert.Equal(0, (await RunAsync(home, "log", "export", "--before", "2026-02-01", "--out", home.File("second.parquet"))).ExitCode);
        var pruned = await RunAsync(home, "log", "prune", "--before", "2026-02-01");

        Assert.True(pruned.ExitCode == 0, pruned.ToString());
        Assert.Equal(2, await CountAsync(home));
        await using var reader = await ParquetReader.CreateAsync(home.File("second.parquet"));
        using var group = reader.OpenRowGroupReader(0);
        var labels = new int?[group.RowCount];
        await group.ReadAsync<int>(reader.Schema.FindDataField("label"), labels);
        Assert.Equal([(int)RiskGroup.High, (int)RiskGroup.Medium, null], labels);
    }

    /// <summary>
    /// The same through PostgreSQL. The database may be shared with other runs: this run's rows are in
    /// a day of 1971 of its own, and only they are counted in the archive and after the prune.
    /// </summary>
    [Fact]
    public async Task Export_and_prune_work_the_same_on_PostgreSQL()
    {
        var connection = Environment.GetEnvironmentVariable("MLOPS_TEST_POSTGRES");
        Assert.False(string.IsNullOrWhiteSpace(connection), "MLOPS_TEST_POSTGRES is not set: run ./test.sh, or eval \"$(scripts/start-postgres.sh)\" first");
        using var home = new TemporaryDirectory();
        var day = new DateTimeOffset(1971, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(300));
        var rows = Enumerable.Range(0, 4).Select(i => LoggedPrediction.Of(
            day.AddHours(6 * i), "v1", "ml", new ClassPrediction((int)RiskGroup.Medium, InsuranceVectors.Certain((int)RiskGroup.Medium)), InsuranceVectors.Customer(true, 40 + i, false, 50, 90, 500 * i))).ToArray();
        await using (var log = await PostgresPredictionLog.OpenAsync(connection!))
        {
            await log.AppendAsync(rows);
            await log.Labels.AddAsync(LabelKey.PredictionId, [new ArrivedLabel(rows[1].PredictionId.ToString(), (int)RiskGroup.Low, "test")], LabelsArrived);
        }

        var target = "postgres:" + connection;
        var noon = day.AddHours(12).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var file = home.File("old.parquet");
        var export = await RunAsync(home, "log", "export", "--before", noon, "--out", file, "--prediction-log", target);
        var prune = await RunAsync(home, "log", "prune", "--before", noon, "--prediction-log", target);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(prune.ExitCode == 0, prune.ToString());
        await using var reader = await ParquetReader.CreateAsync(file);
        var archived = new Dictionary<string, int?>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var ids = new string[group.RowCount];
            var labels = new int?[group.RowCount];
            await group.ReadAsync(reader.Schema.FindDataField("prediction_id"), ids);
            await group.ReadAsync<int>(reader.Schema.FindDataField("label"), labels);
            for (var i = 0; i < ids.Length; i++)
            {
                archived[ids[i] ?? ""] = labels[i];
            }
        }

        Assert.Equal([null, (int)RiskGroup.Low], rows[..2].Select(r => archived[r.PredictionId.ToString()]));
        Assert.False(archived.ContainsKey(rows[2].PredictionId.ToString()));
        await using var database = new Npgsql.NpgsqlConnection(connection);
        await database.OpenAsync();
        await using var left = new Npgsql.NpgsqlCommand(
            "SELECT (SELECT array_agg(prediction_id ORDER BY id) FROM predictions WHERE prediction_id = ANY(@ids)), (SELECT count(*) FROM labels WHERE prediction_id = ANY(@ids))", database);
        left.Parameters.AddWithValue("ids", rows.Select(r => r.PredictionId).ToArray());
        await using var result = await left.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal(rows[2..].Select(r => r.PredictionId), result.GetFieldValue<Guid[]>(0));
        Assert.Equal(0L, result.GetInt64(1));
    }

    [Theory]
    [InlineData("export", "--before", "31/01/2026", "--out", "x.parquet")]
    [InlineData("prune", "--before", "yesterday")]
    [InlineData("export", "--before", "2026-01-31", "--out", "existing.parquet")]
    [InlineData("prune", "--before", "2026-01-31", "--prediction-log", "sqlite:missing.db")]
    public async Task Bad_input_exits_2_with_one_line(params string[] args)
    {
        using var home = new TemporaryDirectory();
        await LogAsync(home);
        File.WriteAllText(home.File("existing.parquet"), "keep me");

        var run = await RunAsync(home, ["log", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("mlops: error: ", run.StandardError, StringComparison.Ordinal);
        Assert.Single(run.StandardError.Trim().Split('\n'));
        Assert.Equal("keep me", File.ReadAllText(home.File("existing.parquet")));
        Assert.False(File.Exists(home.File("missing.db")));
        Assert.Equal(5, await CountAsync(home));
    }

    private static async Task<LoggedPrediction[]> LogAsync(TemporaryDirectory home)
    {
        var rows = Times.Select((t, i) => LoggedPrediction.Of(
            t, "v1", "ml", new ClassPrediction(i % 3, InsuranceVectors.Certain(i % 3)), InsuranceVectors.Customer(i % 2 == 0, 30 + i, true, 40, 100, 1000 * i), requestId: $"c{i}")).ToArray();
        await using var log = SqlitePredictionLog.Open(home.File("predictions.db"));
        await log.AppendAsync(rows);
        await log.Labels.AddAsync(LabelKey.PredictionId, [new ArrivedLabel(rows[0].PredictionId.ToString(), (int)RiskGroup.High, "test"), new ArrivedLabel(rows[3].PredictionId.ToString(), (int)RiskGroup.Low, "test")], LabelsArrived);
        return rows;
    }

    private static async Task<long> CountAsync(TemporaryDirectory home)
    {
        await using var log = SqlitePredictionLog.Open(home.File("predictions.db"));
        return await log.CountAsync();
    }

    private static Task<ProcessResult> RunAsync(TemporaryDirectory home, params string[] args) =>
        CliProcess.RunAsync(args, workingDirectory: home.Path, environment: new Dictionary<string, string> { ["MLOPS_HOME"] = home.Path });
}
