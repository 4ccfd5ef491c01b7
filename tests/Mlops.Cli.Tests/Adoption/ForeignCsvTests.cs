using System.Text.Json;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Adoption;

/// <summary>
/// CSV files as other tools write them, through the real CLI: what a team brings on its first day.
/// Each test pins a bug found by running the Palmer penguins data (<c>examples/penguins</c>) and
/// variants of it as a new user would; each failed on the code before the fix.
/// </summary>
public sealed class ForeignCsvTests : IDisposable
{
    private static readonly string Penguins = Path.Combine(RepositoryPaths.Root, "examples", "penguins", "penguins.csv");

    private static readonly string PenguinsProblem = Path.Combine(RepositoryPaths.Root, "examples", "penguins", "penguins.problem.json");

    private readonly TemporaryDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Python writes a missing number as <c>nan</c> or <c>NaN</c>, pandas' <c>None</c> as <c>None</c>: before,
    /// only <c>NA</c> and empty were missing, so a column of measurements with two <c>NaN</c> became a
    /// "categorical" feature of 300 numbers (or was ignored as free text).
    /// </summary>
    [Fact]
    public async Task NaN_None_and_NULL_are_missing_values_not_categories()
    {
        var file = Rewrite("nan.csv", ',', missing: ["NaN", "nan", "None", "NULL"]);
        var problem = _temp.File("nan.problem.json");

        var infer = await CliProcess.RunAsync("schema", "infer", file, "--label", "species", "--out", problem, "--json");

        Assert.True(infer.ExitCode == 0, infer.ToString());
        using var inferred = JsonDocument.Parse(infer.StandardOutput);
        var features = Features(inferred.RootElement.GetProperty("problem"));
        foreach (var measurement in new[] { "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g" })
        {
            Assert.Equal("numeric", features[measurement].GetProperty("kind").GetString());
            Assert.Equal("impute", features[measurement].GetProperty("missing").GetString());
            Assert.Equal(2, features[measurement].GetProperty("observed").GetProperty("missing").GetInt32());
        }

        Assert.Equal(["female", "male"], features["sex"].GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(11, features["sex"].GetProperty("observed").GetProperty("missing").GetInt32());

        var describe = await CliProcess.RunAsync("data", "describe", "--problem", PenguinsProblem, file, "--json");
        Assert.True(describe.ExitCode == 0, describe.ToString());
        using var stats = JsonDocument.Parse(describe.StandardOutput);
        Assert.Equal(11, stats.RootElement[0].GetProperty("missing_values").GetProperty("sex").GetInt32());
    }

    /// <summary>
    /// pandas' <c>to_csv</c> and R's <c>write.csv</c> write the row index as a first column without a
    /// name; before, <c>schema infer</c> stopped ("features[0].name: must name a column") and every
    /// other stage refused the file.
    /// </summary>
    [Fact]
    public async Task A_nameless_index_column_as_pandas_and_R_write_it_is_skipped()
    {
        var lines = File.ReadAllLines(Penguins);
        var file = _temp.File("indexed.csv");
        File.WriteAllLines(file, [$",{lines[0]}", .. lines.Skip(1).Select((line, i) => $"{i},{line}")]);
        var problem = _temp.File("indexed.problem.json");

        var infer = await CliProcess.RunAsync("schema", "infer", file, "--label", "species", "--ignore", "year", "--out", problem, "--json");
        var drift = await CliProcess.RunAsync("drift", "--problem", PenguinsProblem, "-r", Penguins, "-c", file, "--json");

        Assert.True(infer.ExitCode == 0, infer.ToString());
        using (var inferred = JsonDocument.Parse(infer.StandardOutput))
        {
            Assert.Equal(["island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex"], Features(inferred.RootElement.GetProperty("problem")).Keys);
            Assert.Contains(inferred.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("without a name", StringComparison.Ordinal));
        }

        Assert.True(drift.ExitCode == 0, drift.ToString());
        using var report = JsonDocument.Parse(drift.StandardOutput);
        Assert.False(report.RootElement.GetProperty("report").GetProperty("dataset_drift").GetBoolean());
        Assert.Equal(344, report.RootElement.GetProperty("report").GetProperty("current_rows").GetInt32());
    }

    /// <summary>
    /// Ground truth arrives late: production data has the label column, empty. Before, <c>drift</c>,
    /// <c>data describe</c> and <c>analyze</c> stopped at its first row ("missing label"), and
    /// <c>schema infer</c>/<c>train</c> refused a label with some missing values (the penguins' <c>sex</c>).
    /// </summary>
    [Fact]
    public async Task Rows_without_a_label_are_skipped_by_training_and_read_as_unlabeled_by_drift_and_describe()
    {
        var current = Rewrite("current.csv", ';', missing: ["NA"], emptyLabel: true);

        var drift = await CliProcess.RunAsync("drift", "--problem", PenguinsProblem, "-r", Penguins, "-c", current, "--json");
        var describe = await CliProcess.RunAsync("data", "describe", "--problem", PenguinsProblem, current, "--json");

        Assert.True(drift.ExitCode == 0, drift.ToString());
        Assert.True(describe.ExitCode == 0, describe.ToString());
        using (var stats = JsonDocument.Parse(describe.StandardOutput))
        {
            Assert.Equal(344, stats.RootElement[0].GetProperty("rows").GetInt32());
            Assert.False(stats.RootElement[0].TryGetProperty("class_counts", out var counts) && counts.ValueKind != JsonValueKind.Null);
        }

        // The penguins' sex as the label: 11 birds have none.
        var problem = _temp.File("sex.problem.json");
        var infer = await CliProcess.RunAsync("schema", "infer", Penguins, "--label", "sex", "--ignore", "year", "--out", problem, "--json");
        Assert.True(infer.ExitCode == 0, infer.ToString());
        using (var inferred = JsonDocument.Parse(infer.StandardOutput))
        {
            Assert.Contains(inferred.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("11 row(s) have no 'sex' (the first on line 5)", StringComparison.Ordinal));
        }

        var train = await CliProcess.RunAsync("train", "--problem", problem, "-d", Penguins, "-m", _temp.File("sex-model"), "--json");
        Assert.True(train.ExitCode == 0, train.ToString());
        using var card = JsonDocument.Parse(train.StandardOutput);
        Assert.Equal(266, card.RootElement.GetProperty("training_rows").GetInt32()); // 80 % of the 333 labeled rows
    }

    /// <summary>
    /// <c>analyze</c> filled a missing value with the column's median before its drift tests, so its
    /// scores differed from <c>drift</c>'s on the same file (bill depth 0.0035 against 0.0053), and a
    /// month without a single bill length stopped it ("Sequence contains no elements" from the histogram).
    /// </summary>
    [Fact]
    public async Task Analyze_leaves_missing_values_out_of_drift_as_drift_does_even_a_column_missing_all_month()
    {
        var lines = File.ReadAllLines(Penguins);
        var months = Directory.CreateDirectory(_temp.File("months")).FullName;
        var first = Path.Combine(months, "month-1.csv");
        File.WriteAllLines(first, lines.Take(151)); // four birds with a missing value among them
        File.WriteAllLines(Path.Combine(months, "month-2.csv"), [lines[0], .. lines.Skip(151).Take(60).Select(line =>
        {
            var fields = line.Split(',');
            fields[2] = "NA"; // no bill length this month
            return string.Join(',', fields);
        })]);
        var model = _temp.File("model");
        var train = await CliProcess.RunAsync("train", "--problem", PenguinsProblem, "-d", Penguins, "-m", model);
        Assert.True(train.ExitCode == 0, train.ToString());

        var analyze = await CliProcess.RunAsync("analyze", "-r", Penguins, "-c", months, "--model", model, "-o", _temp.File("report.html"), "--json");
        var drift = await CliProcess.RunAsync("drift", "--problem", PenguinsProblem, "-r", Penguins, "-c", first, "--json");

        Assert.True(analyze.ExitCode == 0, analyze.ToString());
        Assert.True(drift.ExitCode == 0, drift.ToString());
        using var analysis = JsonDocument.Parse(analyze.StandardOutput);
        using var report = JsonDocument.Parse(drift.StandardOutput);
        var scores = analysis.RootElement.GetProperty("drift").EnumerateArray().ToDictionary(d => d.GetProperty("feature").GetString()!);
        foreach (var column in report.RootElement.GetProperty("report").GetProperty("columns").EnumerateArray())
        {
            var name = column.GetProperty("column").GetString()!;
            Assert.Equal(column.GetProperty("drift_score").GetDouble(), scores[name].GetProperty("scores")[0].GetDouble(), 12);
        }

        Assert.Equal("NaN", scores["bill_length_mm"].GetProperty("scores")[1].GetString()); // month 2: nothing to test
        Assert.False(scores["bill_length_mm"].GetProperty("drifted")[1].GetBoolean());
    }

    [Fact]
    public async Task Data_describe_names_the_classes_by_the_problems_label_column()
    {
        var run = await CliProcess.RunAsync("data", "describe", "--problem", PenguinsProblem, Penguins);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"│\s*species\s*│\s*count\s*│", run.StandardOutput);
        Assert.DoesNotContain("group", run.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>The issue's own first finding: a new user's data without <c>--problem</c> got "expected ';'-separated columns" and nothing more.</summary>
    [Theory]
    [InlineData("data", "describe")]
    [InlineData("drift", "-r")]
    [InlineData("train", "-d")]
    public async Task Another_problems_data_without_its_problem_file_is_told_to_give_it(string command, string option)
    {
        string[] args = command == "drift" ? [command, option, Penguins, "-c", Penguins] : command == "train" ? [command, option, Penguins, "-m", _temp.File("m")] : [command, option, Penguins];

        var run = await CliProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.StandardError.Trim().Split('\n'));
        Assert.Contains("penguins.csv:1: expected ';'-separated columns; the header uses ','", run.StandardError, StringComparison.Ordinal);
        Assert.Contains("give its problem file, --problem FILE", run.StandardError, StringComparison.Ordinal);
    }

    private static Dictionary<string, JsonElement> Features(JsonElement problem) =>
        problem.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);

    /// <summary>The penguins file with another separator, its <c>NA</c>s written as <paramref name="missing"/> in turn, optionally without labels.</summary>
    private string Rewrite(string name, char separator, string[] missing, bool emptyLabel = false)
    {
        var lines = File.ReadAllLines(Penguins);
        var next = 0;
        var rows = lines.Skip(1).Select(line =>
        {
            var fields = line.Split(',');
            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i] == "NA")
                {
                    fields[i] = missing[next++ % missing.Length];
                }
            }

            if (emptyLabel)
            {
                fields[0] = "";
            }

            return string.Join(separator, fields);
        });
        var path = _temp.File(name);
        File.WriteAllLines(path, [lines[0].Replace(',', separator), .. rows]);
        return path;
    }
}
