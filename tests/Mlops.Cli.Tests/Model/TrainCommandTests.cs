using System.Text.Json;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Model;

public sealed class TrainCommandTests(TrainedClassifierFixture fixture) : IClassFixture<TrainedClassifierFixture>
{
    [Fact]
    public void Train_writes_the_model_and_its_card_and_prints_the_accuracies()
    {
        var run = fixture.Training;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Path.Combine(fixture.Directory, "model.zip")));
        using var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Directory, "model.json")));
        var root = card.RootElement;
        Assert.Equal("maxent", root.GetProperty("trainer").GetString());
        Assert.Equal(1200, root.GetProperty("training_rows").GetInt32());
        Assert.Equal(64, root.GetProperty("training_data_sha256").GetString()!.Length);
        Assert.InRange(root.GetProperty("test_accuracy").GetDouble(), 0.85, 0.95);
        Assert.Equal(6, root.GetProperty("feature_ranges").EnumerateObject().Count());
        Assert.Contains("test accuracy", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("wrote", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_with_json_prints_only_the_card_on_stdout()
    {
        using var temp = new TemporaryDirectory();

        var run = await CliProcess.RunAsync("train", "-d", RepositoryPaths.SeedMonth(0), "-m", temp.File("lgbm"), "--trainer", "lightgbm", "--seed", "7", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var card = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("lightgbm", card.RootElement.GetProperty("trainer").GetString());
        Assert.Equal(7, card.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal("4", card.RootElement.GetProperty("parameters").GetProperty("number_of_leaves").GetString());
    }

    [Fact]
    public async Task The_insurance_problem_file_trains_the_talks_model_with_the_same_numbers()
    {
        using var temp = new TemporaryDirectory();

        var run = await CliProcess.RunAsync("train", "--problem", Path.Combine(RepositoryPaths.Root, "config", "insurance.problem.json"), "-d", RepositoryPaths.SeedMonth(0), "--out", temp.File("m"), "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var card = JsonDocument.Parse(run.StandardOutput);
        using var plain = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Directory, "model.json")));
        var root = card.RootElement;
        Assert.Equal("maxent", root.GetProperty("trainer").GetString());
        Assert.Equal("insurance", root.GetProperty("problem").GetProperty("name").GetString());
        Assert.Equal(plain.RootElement.GetProperty("test_accuracy").GetDouble(), root.GetProperty("test_accuracy").GetDouble());
        Assert.Equal(plain.RootElement.GetProperty("train_accuracy").GetDouble(), root.GetProperty("train_accuracy").GetDouble());
        Assert.Equal(plain.RootElement.GetProperty("parameters").GetProperty("sweet_spot_age").GetString(), root.GetProperty("parameters").GetProperty("sweet_spot_age").GetString());
    }

    [Theory]
    [InlineData(new[] { "train", "-m", "x" }, "--data FILE is required")]
    [InlineData(new[] { "train", "-d", "no-such.csv", "-m", "x" }, "no-such.csv: file not found")]
    [InlineData(new[] { "train", "-d", "x.csv", "-m", "x", "--trainer", "forest" }, "unknown trainer 'forest'; choose one of: maxent, lightgbm")]
    [InlineData(new[] { "train", "-d", "x.csv", "-m", "x", "--seed", "many" }, "many")]
    public async Task Bad_arguments_are_one_line_errors_with_exit_code_2(string[] args, string expected)
    {
        var run = await CliProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlabeled_data_cannot_train_a_model()
    {
        using var temp = new TemporaryDirectory();
        var production = temp.File("production.csv");
        File.WriteAllLines(production, File.ReadAllLines(RepositoryPaths.SeedMonth(3)).Select(l => string.Join(';', l.Split(';').Take(6))));

        var run = await CliProcess.RunAsync("train", "-d", production, "-m", temp.File("model"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("column 'group': missing from the header; this command needs labeled data", run.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("model")));
    }

    [Fact]
    public async Task Data_with_a_single_class_is_refused_naming_the_labels_values()
    {
        using var temp = new TemporaryDirectory();
        var lowOnly = temp.File("low-only.csv");
        var lines = File.ReadAllLines(RepositoryPaths.SeedMonth(0));
        File.WriteAllLines(lowOnly, [lines[0], .. lines.Skip(1).Where(l => l.EndsWith(";2", StringComparison.Ordinal))]);

        var run = await CliProcess.RunAsync("train", "-d", lowOnly, "-m", temp.File("model"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("low-only.csv: the label 'group' has only the value(s) 2 (low); a classifier needs at least two classes", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("model")));
    }

    [Fact]
    public async Task A_20_MB_bad_field_is_quoted_in_80_characters_with_control_characters_escaped()
    {
        using var temp = new TemporaryDirectory();
        var data = temp.File("huge-field.csv");
        var lines = File.ReadAllLines(RepositoryPaths.SeedMonth(0));
        var fields = lines[1].Split(';');
        fields[1] = "\u001b[2J" + new string('x', 20 * 1024 * 1024);
        File.WriteAllLines(data, [lines[0], string.Join(';', fields), .. lines.Skip(2)]);

        var run = await CliProcess.RunAsync("train", "-d", data, "-m", temp.File("model"));

        // The CSV reader (Sep) reads rows of at most 16,777,216 characters: the row is refused whole, by file and line.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("huge-field.csv:2: a row longer than 16,777,216 characters", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.StandardError);
        Assert.True(run.StandardError.Length < 400, $"{run.StandardError.Length} characters of error");
    }

    [Fact]
    public async Task Too_little_data_is_bad_input_not_a_crash()
    {
        using var temp = new TemporaryDirectory();
        var tiny = temp.File("tiny.csv");
        File.WriteAllLines(tiny, File.ReadAllLines(RepositoryPaths.SeedMonth(0)).Take(21));

        var run = await CliProcess.RunAsync("train", "-d", tiny, "-m", temp.File("model"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("tiny.csv: 16 training rows are too few to train on (need at least 30)", run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_that_holds_no_model_is_never_overwritten()
    {
        using var temp = new TemporaryDirectory();
        File.WriteAllText(temp.File("notes.txt"), "keep me");

        var run = await CliProcess.RunAsync("train", "-d", RepositoryPaths.SeedMonth(0), "-m", temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("holds no model (model.json missing); refusing to overwrite it", run.StandardError, StringComparison.Ordinal);
        Assert.Single(run.StandardError.Trim().Split('\n'));
        Assert.Equal("keep me", File.ReadAllText(temp.File("notes.txt")));
    }

    [Theory]
    [InlineData("train")]
    [InlineData("validate")]
    public async Task Has_help_with_an_example(string command)
    {
        var run = await CliProcess.RunAsync(command, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("USAGE", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"mlops {command} -d seed-data/reference.csv -m classifier", run.StandardOutput, StringComparison.Ordinal);
    }
}
