using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Model;

public sealed class ValidateCommandTests(TrainedClassifierFixture fixture) : IClassFixture<TrainedClassifierFixture>
{
    private static readonly string[] CheckNames =
    [
        "train_accuracy_min", "test_accuracy_min", "train_accuracy_max", "test_accuracy_max", "train_test_gap",
        "class_count_high", "class_count_medium", "class_count_low", "certainty_min", "certainty_mean", "certainty_max",
    ];

    [Fact]
    public async Task The_reference_model_passes_every_invariant_on_the_reference_data()
    {
        var run = await CliProcess.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(0), "-m", fixture.Directory);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var name in CheckNames)
        {
            Assert.Contains(name, run.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("PASSED: all 11 invariants hold", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("baseline (rules)", run.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_gives_the_same_report()
    {
        var run = await CliProcess.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(0), "-m", fixture.Directory, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StandardOutput);
        var report = json.RootElement;
        Assert.True(report.GetProperty("passed").GetBoolean());
        Assert.Equal(CheckNames, report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.All(report.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("margin").GetDouble() >= 0));
        Assert.Equal("reference.csv", report.GetProperty("data_file").GetString());
        Assert.Equal(1, report.GetProperty("spec_version").GetInt32());
        Assert.True(report.GetProperty("same_data_as_training").GetBoolean());
        Assert.InRange(report.GetProperty("baseline_accuracy").GetProperty("test").GetDouble(), 0.5, 0.7);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(36)]
    public async Task A_later_month_fails_and_the_output_says_which_checks_and_by_how_much(int month)
    {
        var run = await CliProcess.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(month), "-m", fixture.Directory);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("FAILED: 2 of 11 invariants do not hold", run.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"train_accuracy_min: 0\.\d{3} misses > 0\.85 by 0\.\d{3}", run.StandardOutput);
        Assert.Matches(@"test_accuracy_min: 0\.\d{3} misses > 0\.85 by 0\.\d{3}", run.StandardOutput);
        Assert.Matches($@"test accuracy 0\.\d{{3}} on month-{month}\.csv against 0\.\d{{3}} when trained on\s+reference\.csv:\s+drop of 0\.\d{{3}}", run.StandardOutput);
    }

    [Fact]
    public async Task Month_12_in_json_carries_the_accuracy_drop_and_negative_margins()
    {
        var run = await CliProcess.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(12), "-m", fixture.Directory, "--json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.StandardOutput);
        var report = json.RootElement;
        Assert.False(report.GetProperty("passed").GetBoolean());
        Assert.True(report.GetProperty("accuracy_drop").GetDouble() > 0.05);
        var failed = report.GetProperty("checks").EnumerateArray().Where(c => !c.GetProperty("passed").GetBoolean()).ToList();
        Assert.Equal(["train_accuracy_min", "test_accuracy_min"], failed.Select(c => c.GetProperty("name").GetString()));
        Assert.All(failed, c => Assert.True(c.GetProperty("margin").GetDouble() < 0));
    }

    [Fact]
    public async Task A_model_retrained_on_month_12_misses_the_class_balance()
    {
        using var temp = new TemporaryDirectory();
        var train = await CliProcess.RunAsync("train", "-d", RepositoryPaths.SeedMonth(12), "-m", temp.File("classifier-12"));
        Assert.True(train.ExitCode == 0, train.ToString());

        var run = await CliProcess.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(12), "-m", temp.File("classifier-12"));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("FAILED: 2 of 11 invariants do not hold", run.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"class_count_high: \d+ misses 400 \.\. 600 by \d+", run.StandardOutput);
        Assert.Matches(@"class_count_low: \d+ misses 400 \.\. 600 by \d+", run.StandardOutput);
    }

    [Fact]
    public async Task A_spec_file_overrides_the_bounds()
    {
        using var temp = new TemporaryDirectory();
        var spec = temp.File("relaxed.json");
        File.WriteAllText(spec, File.ReadAllText(Path.Combine(RepositoryPaths.Root, "config", "invariants.json"))
            .Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)
            .Replace("\"accuracy_min\": 0.85", "\"accuracy_min\": 0.75", StringComparison.Ordinal));

        var run = await CliProcess.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(12), "-m", fixture.Directory, "--spec", spec);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("spec v2", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("> 0.75", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seeds_own_spec_fails_our_model_on_the_reference_class_balance_578_high_425_to_574_allowed()
    {
        // config/invariants.seed.json is the seed's validate.py: class counts in range(int(n/3*0.85), int(n/3*1.15)).
        var run = await CliProcess.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(0), "-m", fixture.Directory, "--spec", Path.Combine(RepositoryPaths.Root, "config", "invariants.seed.json"), "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.StandardOutput);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal(9, checks.Count);
        Assert.DoesNotContain("test_accuracy_max", checks.Keys);
        var failed = checks.Values.Where(c => !c.GetProperty("passed").GetBoolean()).Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["class_count_high", "class_count_low"], failed);
        Assert.Equal(578, checks["class_count_high"].GetProperty("measured").GetDouble());
        Assert.Equal(418, checks["class_count_low"].GetProperty("measured").GetDouble());
        Assert.Equal("425 .. 574", checks["class_count_high"].GetProperty("bound").GetString());
    }

    public static TheoryData<string, string> BrokenModels => new()
    {
        { "missing", "model folder not found" },
        { "truncated-zip", "model.zip: not a readable ML.NET model (truncated or corrupt?)" },
        { "truncated-card", "model.json: not a valid model card (truncated or corrupt?)" },
        { "no-card", "model.json: model card not found" },
        { "other-schema", "the model expects the input columns [speed: Single, weight: Single], not the card's encoded vector of 6 numbers" },
        { "future-card", "model card format version 7 is not supported; this mlops reads version 1" },
    };

    [Theory]
    [MemberData(nameof(BrokenModels))]
    public async Task A_broken_model_folder_is_a_one_line_error_with_exit_code_2(string damage, string expected)
    {
        using var temp = new TemporaryDirectory();
        var model = temp.File("model");
        if (damage != "missing")
        {
            Directory.CreateDirectory(model);
            foreach (var file in Directory.GetFiles(fixture.Directory))
            {
                File.Copy(file, Path.Combine(model, Path.GetFileName(file)));
            }

            Damage(model, damage);
        }

        var run = await CliProcess.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(0), "-m", model);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("mlops: error: ", run.StandardError, StringComparison.Ordinal);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
        Assert.Single(run.StandardError.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
        Assert.Equal("", run.StandardOutput);
    }

    [Theory]
    [InlineData("no-such.csv", "no-such.csv: file not found")]
    [InlineData("spec", "invariant spec file not found")]
    public async Task Bad_data_or_spec_files_are_exit_code_2(string what, string expected)
    {
        string[] args = what == "spec"
            ? ["validate", "-d", RepositoryPaths.SeedMonth(0), "-m", fixture.Directory, "--spec", "no-such-spec.json"]
            : ["validate", "-d", what, "-m", fixture.Directory];

        var run = await CliProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    private static void Damage(string model, string damage)
    {
        var zip = Path.Combine(model, "model.zip");
        var card = Path.Combine(model, "model.json");
        switch (damage)
        {
            case "truncated-zip":
                var bytes = File.ReadAllBytes(zip);
                File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);
                break;
            case "truncated-card":
                var text = File.ReadAllText(card);
                File.WriteAllText(card, text[..(text.Length / 3)]);
                break;
            case "no-card":
                File.Delete(card);
                break;
            case "future-card":
                File.WriteAllText(card, File.ReadAllText(card).Replace("\"format_version\": 1", "\"format_version\": 7", StringComparison.Ordinal));
                break;
            case "other-schema":
                var context = new MLContext(seed: 1);
                var data = context.Data.LoadFromEnumerable(new[] { new OtherInput { Speed = 1, Weight = 2 } });
                context.Model.Save(context.Transforms.Concatenate("Features", "speed", "weight").Fit(data), data.Schema, zip);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(damage), damage, null);
        }
    }

    private sealed class OtherInput
    {
        [ColumnName("speed")]
        public float Speed { get; set; }

        [ColumnName("weight")]
        public float Weight { get; set; }
    }
}
