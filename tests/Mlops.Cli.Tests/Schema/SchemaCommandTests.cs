using System.Text.Json;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Schema;

/// <summary>
/// A problem that is not the talk's, through the real CLI: <c>schema infer</c> → <c>schema show</c> →
/// <c>data describe</c> → <c>drift</c>, on the Iris copy in <c>examples/iris</c> and on a hand-made file
/// with string categories, quoted fields and missing values.
/// </summary>
public sealed class SchemaCommandTests : IDisposable
{
    private static readonly string Iris = Path.Combine(RepositoryPaths.Root, "examples", "iris", "iris.csv");

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Iris_goes_from_raw_csv_through_infer_show_describe_and_drift()
    {
        var problem = _temp.File("iris.problem.json");

        var infer = await CliProcess.RunAsync("schema", "infer", Iris, "--label", "species", "--out", problem, "--json");
        Assert.True(infer.ExitCode == 0, infer.ToString());
        using (var inferred = JsonDocument.Parse(infer.StandardOutput))
        {
            Assert.Equal(",", inferred.RootElement.GetProperty("separator").GetString());
            Assert.Equal(150, inferred.RootElement.GetProperty("rows").GetInt32());
            var schema = inferred.RootElement.GetProperty("problem");
            Assert.Equal(["setosa", "versicolor", "virginica"], schema.GetProperty("label").GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
            var petalWidth = schema.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "petal_width");
            Assert.Equal("numeric", petalWidth.GetProperty("kind").GetString());
            Assert.Equal(0.1, petalWidth.GetProperty("observed").GetProperty("min").GetDouble());
            Assert.Equal(2.5, petalWidth.GetProperty("observed").GetProperty("max").GetDouble());
        }

        var show = await CliProcess.RunAsync("schema", "show", problem);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("petal_length", show.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("virginica", show.StandardOutput, StringComparison.Ordinal);

        var describe = await CliProcess.RunAsync("data", "describe", "--problem", problem, Iris, "--json");
        Assert.True(describe.ExitCode == 0, describe.ToString());
        using (var stats = JsonDocument.Parse(describe.StandardOutput))
        {
            var iris = stats.RootElement[0];
            Assert.Equal(150, iris.GetProperty("rows").GetInt32());
            Assert.Equal(50, iris.GetProperty("class_counts").GetProperty("versicolor").GetInt32());
            var sepal = iris.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "sepal_length");
            Assert.Equal(5.843, sepal.GetProperty("mean").GetDouble(), 3);
        }

        // One species alone is a different population: its petals alone drift from the whole.
        var virginica = _temp.File("virginica.csv");
        var lines = File.ReadAllLines(Iris);
        File.WriteAllLines(virginica, [lines[0], .. lines.Skip(1).Where(l => l.EndsWith(",virginica", StringComparison.Ordinal))]);
        var drifted = await CliProcess.RunAsync("drift", "--problem", problem, "-r", Iris, "-c", virginica, "--json");
        var same = await CliProcess.RunAsync("drift", "--problem", problem, "-r", Iris, "-c", Iris, "--json");
        Assert.True(drifted.ExitCode == 0, drifted.ToString());
        Assert.True(same.ExitCode == 0, same.ToString());
        using var driftedReport = JsonDocument.Parse(drifted.StandardOutput);
        using var sameReport = JsonDocument.Parse(same.StandardOutput);
        Assert.True(driftedReport.RootElement.GetProperty("report").GetProperty("dataset_drift").GetBoolean());
        Assert.Equal(4, driftedReport.RootElement.GetProperty("report").GetProperty("columns").GetArrayLength());
        Assert.False(sameReport.RootElement.GetProperty("report").GetProperty("dataset_drift").GetBoolean());
    }

    [Fact]
    public async Task A_file_with_string_categories_quotes_and_missing_values_is_inferred_described_and_compared()
    {
        var reference = _temp.File("shelter.csv");
        File.WriteAllText(reference, """
            animal_id;age_years;species;colour;neutered;outcome
            a1;2.5;dog;"black, white";1;adopted
            a2;NA;cat;grey;0;returned
            a3;7;dog;;1;adopted
            a4;0.5;"guinea pig";brown;0;adopted
            a5;11;cat;grey;NA;euthanised
            a6;3;dog;brown;1;returned
            """);
        var problem = _temp.File("shelter.problem.json");

        var infer = await CliProcess.RunAsync("schema", "infer", reference, "--label", "outcome", "--id", "animal_id", "--out", problem);
        Assert.True(infer.ExitCode == 0, infer.ToString());
        var show = await CliProcess.RunAsync("schema", "show", problem, "--json");
        Assert.True(show.ExitCode == 0, show.ToString());
        using (var schema = JsonDocument.Parse(show.StandardOutput))
        {
            var features = schema.RootElement.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
            Assert.Equal(["age_years", "species", "colour", "neutered"], features.Keys);
            Assert.Equal("animal_id", schema.RootElement.GetProperty("id").GetString());
            Assert.Equal("categorical", features["species"].GetProperty("kind").GetString());
            Assert.Equal(["cat", "dog", "guinea pig"], features["species"].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal(["black, white", "brown", "grey"], features["colour"].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
            Assert.Equal("binary", features["neutered"].GetProperty("kind").GetString());
            Assert.Equal("impute", features["age_years"].GetProperty("missing").GetString());
            Assert.Equal("reject", features["species"].GetProperty("missing").GetString());
            Assert.Equal(["adopted", "euthanised", "returned"], schema.RootElement.GetProperty("label").GetProperty("classes").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        }

        var describe = await CliProcess.RunAsync("data", "describe", "--problem", problem, reference, "--json");
        Assert.True(describe.ExitCode == 0, describe.ToString());
        using (var stats = JsonDocument.Parse(describe.StandardOutput))
        {
            var data = stats.RootElement[0];
            Assert.Equal(1, data.GetProperty("missing_values").GetProperty("age_years").GetInt32());
            Assert.Equal(1, data.GetProperty("missing_values").GetProperty("colour").GetInt32());
            Assert.Equal(3, data.GetProperty("categories").GetProperty("species").GetProperty("dog").GetInt32());
            Assert.Equal(3, data.GetProperty("class_counts").GetProperty("adopted").GetInt32());
            var age = data.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "age_years");
            Assert.Equal(5, age.GetProperty("count").GetInt32());
            Assert.Equal(4.8, age.GetProperty("mean").GetDouble(), 9);
        }

        // A later file: comma-separated this time, no label yet, a category the reference never had a row of.
        var current = _temp.File("shelter-june.csv");
        File.WriteAllText(current, """
            animal_id,age_years,species,colour,neutered
            b1,1,"guinea pig",brown,0
            b2,NA,"guinea pig",grey,0
            b3,2,cat,NA,0
            """);
        var drift = await CliProcess.RunAsync("drift", "--problem", problem, "-r", reference, "-c", current, "--json");
        Assert.True(drift.ExitCode == 0, drift.ToString());
        using var report = JsonDocument.Parse(drift.StandardOutput);
        var columns = report.RootElement.GetProperty("report").GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("column").GetString()!);
        Assert.Equal("cat", columns["species"].GetProperty("column_type").GetString());
        Assert.Equal("num", columns["age_years"].GetProperty("column_type").GetString());
        Assert.Equal(3, report.RootElement.GetProperty("report").GetProperty("current_rows").GetInt32());
    }

    [Fact]
    public async Task A_bad_problem_file_is_one_line_naming_file_and_key_with_exit_2()
    {
        var problem = _temp.File("bad.problem.json");
        File.WriteAllText(problem, """
            { "version": 1, "name": "p", "label": { "column": "y", "classes": [ { "value": 0, "name": "a" }, { "value": 1, "name": "b" } ] },
              "features": [ { "name": "x", "kind": "numeric" }, { "name": "x", "kind": "binary" } ] }
            """);

        var show = await CliProcess.RunAsync("schema", "show", problem);
        var describe = await CliProcess.RunAsync("data", "describe", "--problem", problem, Iris);

        foreach (var run in new[] { show, describe })
        {
            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"mlops: error: {problem}: features[1].name: duplicate feature 'x'", run.StandardError.Trim());
        }
    }

    [Fact]
    public async Task Data_that_does_not_match_the_problem_names_the_column_and_the_line()
    {
        var problem = Path.Combine(RepositoryPaths.Root, "examples", "iris", "iris.problem.json");
        var extra = _temp.File("extra.csv");
        File.WriteAllText(extra, "sepal_length,sepal_width,petal_length,petal_width,colour\n5,3,1,0.2,blue\n");
        var missing = _temp.File("missing.csv");
        File.WriteAllText(missing, "sepal_length,sepal_width,petal_length\n5,3,1\n");

        var unexpected = await CliProcess.RunAsync("data", "describe", "--problem", problem, extra);
        var absent = await CliProcess.RunAsync("drift", "--problem", problem, "-r", Iris, "-c", missing);
        var noOut = await CliProcess.RunAsync("schema", "infer", Iris, "--label", "species");

        Assert.Equal(2, unexpected.ExitCode);
        Assert.StartsWith($"mlops: error: {extra}:1: column 'colour': unexpected column", unexpected.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, absent.ExitCode);
        Assert.Equal($"mlops: error: {missing}:1: column 'petal_width': missing from the header", absent.StandardError.Trim());
        Assert.Equal(2, noOut.ExitCode);
        Assert.Contains("--out FILE is required", noOut.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schema", "infer")]
    [InlineData("schema", "show")]
    public async Task Has_help_with_an_example(string branch, string command)
    {
        var run = await CliProcess.RunAsync(branch, command, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("EXAMPLES", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"mlops schema {command} ", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--json", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_insurance_problem_file_gives_the_same_drift_as_the_built_in_insurance_reading()
    {
        var problem = Path.Combine(RepositoryPaths.Root, "config", "insurance.problem.json");

        var builtIn = await CliProcess.RunAsync("drift", "-r", RepositoryPaths.SeedMonth(0), "-c", RepositoryPaths.SeedMonth(36), "--json");
        var viaProblem = await CliProcess.RunAsync("drift", "--problem", problem, "-r", RepositoryPaths.SeedMonth(0), "-c", RepositoryPaths.SeedMonth(36), "--json");

        Assert.True(viaProblem.ExitCode == 0, viaProblem.ToString());
        using var a = JsonDocument.Parse(builtIn.StandardOutput);
        using var b = JsonDocument.Parse(viaProblem.StandardOutput);
        Assert.Equal(
            a.RootElement.GetProperty("report").GetProperty("columns").GetRawText(),
            b.RootElement.GetProperty("report").GetProperty("columns").GetRawText());
        Assert.Equal(
            a.RootElement.GetProperty("report").GetProperty("share_of_drifted_columns").GetRawText(),
            b.RootElement.GetProperty("report").GetProperty("share_of_drifted_columns").GetRawText());
    }
}
