using Microsoft.Data.Sqlite;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
using Mlops.Testing;
using Parquet;

namespace Mlops.Core.Tests.PredictionLog;

/// <summary>The prediction log's columns come from the problem; the talk's table stays exactly the one every existing log file has.</summary>
public sealed class PredictionLogColumnsTests
{
    /// <summary>The table as it was written out by hand before the problem drove it.</summary>
    private const string TableBefore = """
        CREATE TABLE predictions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            logged_at TEXT NOT NULL,
            model_version TEXT NOT NULL,
            source TEXT NOT NULL,
            category INTEGER NOT NULL,
            p_high REAL NOT NULL,
            p_medium REAL NOT NULL,
            p_low REAL NOT NULL,
            training INTEGER NOT NULL,
            age REAL NOT NULL,
            emergency_braking INTEGER NOT NULL,
            braking_distance REAL NOT NULL,
            power REAL NOT NULL,
            miles REAL NOT NULL,
            prediction_id TEXT,
            request_id TEXT
        )
        """;

    [Fact]
    public async Task The_insurance_table_is_the_one_written_by_hand_before()
    {
        using var temp = new TemporaryDirectory();
        var before = temp.File("before.db");
        await using (var connection = new SqliteConnection($"Data Source={before};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = TableBefore;
            await create.ExecuteNonQueryAsync();
        }

        await using (SqlitePredictionLog.Open(temp.File("now.db")))
        {
        }

        Assert.Equal(await TableInfoAsync(before), await TableInfoAsync(temp.File("now.db")));
    }

    [Fact]
    public async Task Another_problems_log_has_a_probability_column_per_class_and_a_column_per_feature_and_reads_back()
    {
        var iris = ProblemSchemaFile.Load(Path.Combine(RepositoryPaths.Root, "examples", "iris", "iris.problem.json"));
        var columns = PredictionLogColumns.For(iris);
        using var temp = new TemporaryDirectory();
        var path = temp.File("iris.db");
        var row = LoggedPrediction.Of(DateTimeOffset.UnixEpoch, "v1", "ml", new ClassPrediction(2, [0.1, 0.2, 0.7]), [5.9, 3.0, 5.1, 1.8], requestId: "flower-1");
        await using (var log = SqlitePredictionLog.Open(path, columns: columns))
        {
            await log.AppendAsync([row]);
            var read = Assert.Single(await log.ReadAfterAsync(0, 10));
            Assert.Equal(row with { Id = read.Id }, read);

            var archive = temp.File("iris.parquet");
            await log.Archive.ExportAsync(DateTimeOffset.UnixEpoch.AddDays(1), archive, overwrite: false);
            await using var reader = await ParquetReader.CreateAsync(archive);
            Assert.Equal([.. columns.Names, "label", "label_arrived_at"], reader.Schema.GetDataFields().Select(f => f.Name));
        }

        Assert.Equal(
            ["id", "logged_at", "model_version", "source", "category", "p_setosa", "p_versicolor", "p_virginica", "sepal_length", "sepal_width", "petal_length", "petal_width", "prediction_id", "request_id"],
            (await TableInfoAsync(path)).Select(c => c.Name));
    }

    [Fact]
    public void A_feature_named_like_a_log_column_is_refused_naming_it()
    {
        var problem = ProblemSchema.Insurance with
        {
            Name = "clash",
            Features = [.. ProblemSchema.Insurance.Features, ProblemSchema.Insurance.Features[1] with { Name = "source", Aliases = null }],
        };

        var error = Assert.Throws<InvalidInputException>(() => PredictionLogColumns.For(problem));
        Assert.Contains("'source'", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<(string Name, string Type, bool NotNull, bool Key)>> TableInfoAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync();
        await using var info = connection.CreateCommand();
        info.CommandText = "SELECT name, type, \"notnull\", pk FROM pragma_table_info('predictions')";
        await using var reader = await info.ExecuteReaderAsync();
        var columns = new List<(string, string, bool, bool)>();
        while (await reader.ReadAsync())
        {
            columns.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0, reader.GetInt64(3) != 0));
        }

        return columns;
    }
}
