using System.Text;
using System.Text.Json;
using Mlops.Cli.Simulation;
using Mlops.Core.Data;
using Mlops.Core.Problems;
using Mlops.Core.Serialization;
using Mlops.Testing;

namespace Mlops.Simulation.Tests;

/// <summary>
/// What <c>mlops simulate</c> sends, read through the problem: the talk's months as its client always
/// sent them, and another problem's rows by its names, categories as written and missing values as null.
/// </summary>
public sealed class ReplayBodiesTests
{
    private const string Shop = """
        {
          "version": 1,
          "name": "shop",
          "label": { "column": "bought", "classes": [ { "value": "no", "name": "no" }, { "value": "yes", "name": "yes" } ] },
          "features": [
            { "name": "plan", "kind": "categorical", "categories": ["basic", "pro"] },
            { "name": "store", "kind": "categorical", "categories": [3, 7] },
            { "name": "member", "kind": "binary" },
            { "name": "income", "kind": "numeric", "missing": "impute" }
          ],
          "ignored": ["note"]
        }
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(36)] // negative miles: sent as they are, the service refuses them
    public void The_talks_months_are_sent_as_its_client_always_sent_them(int month)
    {
        var replay = ReplayMonth.Load(RepositoryPaths.SeedData, month, forMonitor: false, new FeatureJson(ProblemSchema.Insurance));

        var records = InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(month)).Records;
        Assert.Equal(records.Count, replay.Rows);
        for (var i = 0; i < records.Count; i++)
        {
            Assert.Equal(TalksClientBody(records[i].Features, CustomerKey.Of(month, i)), Encoding.UTF8.GetString(replay.Bodies[i]));
        }

        Assert.Equal($"m{month}-1", JsonDocument.Parse(replay.Bodies[0]).RootElement.GetProperty("request_id").GetString());
    }

    [Fact]
    public void Another_problems_rows_go_by_its_names_with_categories_as_written_and_missing_values_as_null()
    {
        using var folder = new TemporaryDirectory();
        var problem = ProblemSchemaFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Shop)), "shop.problem.json");
        File.WriteAllLines(folder.File("month-2.csv"), ["plan,store,member,income,note,bought", "pro,7,1,41.5,x,yes", "basic,3,0,NA,,no"]);

        var replay = ReplayMonth.Load(folder.Path, 2, forMonitor: false, new FeatureJson(problem));
        var mock = ReplayMonth.Load(folder.Path, 2, forMonitor: true, new FeatureJson(problem));

        Assert.Equal("""{"request_id":"m2-1","plan":"pro","store":7,"member":1,"income":41.5}""", Encoding.UTF8.GetString(replay.Bodies[0]));
        Assert.Equal("""{"request_id":"m2-2","plan":"basic","store":3,"member":0,"income":null}""", Encoding.UTF8.GetString(replay.Bodies[1]));
        Assert.Equal("""[{"plan":"basic","store":3,"member":0,"income":null,"bought":"no"}]""", Encoding.UTF8.GetString(mock.Bodies[1]));
    }

    [Fact]
    public void A_month_that_does_not_fit_the_problem_names_file_line_and_column()
    {
        using var folder = new TemporaryDirectory();
        var problem = ProblemSchemaFile.Parse(new MemoryStream(Encoding.UTF8.GetBytes(Shop)), "shop.problem.json");
        File.WriteAllLines(folder.File("month-1.csv"), ["plan,store,member,income,bought", "pro,7,1,41.5,yes", "gold,3,0,12,no"]);

        var error = Assert.Throws<DataFormatException>(() => ReplayMonth.Load(folder.Path, 1, forMonitor: false, new FeatureJson(problem)));

        Assert.Contains("month-1.csv:3", error.Message, StringComparison.Ordinal);
        Assert.Contains("'gold' is not a category of 'plan'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The body the replay wrote before problems were data: the six features in the talk's order, flags as 0/1.</summary>
    private static string TalksClientBody(InsuranceFeatures features, string requestId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("request_id", requestId);
            json.WriteNumber("training", features.Training ? 1 : 0);
            json.WriteNumber("age", features.Age);
            json.WriteNumber("emergency_braking", features.EmergencyBraking ? 1 : 0);
            json.WriteNumber("braking_distance", features.BrakingDistance);
            json.WriteNumber("power", features.Power);
            json.WriteNumber("miles", features.Miles);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
