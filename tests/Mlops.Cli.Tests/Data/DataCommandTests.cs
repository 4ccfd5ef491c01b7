using System.Text.Json;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Data;

public sealed class DataCommandTests
{
    [Fact]
    public async Task Generate_writes_the_reference_and_36_months_deterministically()
    {
        using var temp = new TemporaryDirectory();
        var first = Path.Combine(temp.Path, "a");
        var second = Path.Combine(temp.Path, "b");

        var run1 = await CliProcess.RunAsync("data", "generate", "--out", first);
        var run2 = await CliProcess.RunAsync("data", "generate", "--out", second);

        Assert.True(run1.ExitCode == 0, run1.ToString());
        Assert.Equal(0, run2.ExitCode);
        var files = Directory.GetFiles(first).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(37, files.Length);
        Assert.Contains("reference.csv", files);
        Assert.Contains("month-36.csv", files);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file!)), File.ReadAllBytes(Path.Combine(second, file!)));
        }

        Assert.Equal(1501, File.ReadAllLines(Path.Combine(first, "month-12.csv")).Length);
    }

    [Fact]
    public async Task Generate_honours_seed_rows_and_months()
    {
        using var temp = new TemporaryDirectory();

        var run = await CliProcess.RunAsync("data", "generate", "--out", temp.Path, "--seed", "7", "--rows", "10", "--months", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["month-1.csv", "month-2.csv", "reference.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(11, File.ReadAllLines(temp.File("month-2.csv")).Length);
    }

    [Fact]
    public async Task Describe_prints_statistics_as_json()
    {
        var run = await CliProcess.RunAsync("data", "describe", "--json", RepositoryPaths.SeedMonth(0), RepositoryPaths.SeedMonth(36));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.StandardOutput);
        var reference = json.RootElement[0];
        Assert.Equal(1500, reference.GetProperty("rows").GetInt32());
        var age = reference.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "age");
        Assert.InRange(age.GetProperty("mean").GetDouble(), 35.0, 35.3);
        Assert.Equal(581, reference.GetProperty("class_counts").GetProperty("high").GetInt32());
        var month36Miles = json.RootElement[1].GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == "miles");
        Assert.True(month36Miles.GetProperty("min").GetDouble() < 0, "month 36 has impossible negative miles");
    }

    [Fact]
    public async Task Describe_prints_a_table_per_file()
    {
        var run = await CliProcess.RunAsync("data", "describe", RepositoryPaths.SeedMonth(12));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("month-12.csv", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("braking_distance", run.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("medium", run.StandardOutput, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "missing-column.csv", "training;age;braking_distance;power;miles\n0;30;40;100;10\n", "column 'emergency_braking': missing from the header" },
        { "bad-number.csv", "training;age;emergency_braking;braking_distance;power;miles\n0;thirty;1;40;100;10\n", "bad-number.csv:2: column 'age': 'thirty' is not a number" },
        { "empty.csv", "", "empty.csv: file is empty" },
        { "commas.csv", "training,age,emergency_braking,braking_distance,power,miles\n0,30,1,40,100,10\n", "commas.csv:1: expected ';'-separated columns; the header uses ','" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_gets_a_one_line_error_and_exit_code_2(string name, string content, string expected)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.File(name);
        await File.WriteAllTextAsync(path, content);

        var run = await CliProcess.RunAsync("data", "describe", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
        Assert.Single(run.StandardError.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
        Assert.Equal("", run.StandardOutput);
    }

    [Theory]
    [InlineData(new[] { "data", "describe", "no-such-file.csv" }, "no-such-file.csv: file not found")]
    [InlineData(new[] { "data", "generate" }, "--out DIR is required")]
    [InlineData(new[] { "data", "generate", "--out", "x", "--rows", "0" }, "--rows must be between")]
    [InlineData(new[] { "data", "generate", "--out", "x", "--seed", "abc" }, "abc")]
    [InlineData(new[] { "no-such-command" }, "no-such-command")]
    public async Task Bad_arguments_get_a_one_line_error_and_exit_code_2(string[] args, string expected)
    {
        var run = await CliProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("data", "--help")]
    [InlineData("data", "generate", "--help")]
    [InlineData("data", "describe", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        var run = await CliProcess.RunAsync(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("USAGE", run.StandardOutput, StringComparison.Ordinal);
    }
}
