using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Demo;

/// <summary>Bad input stops the demo before it starts anything: one line on stderr, exit code 2.</summary>
public sealed class DemoInputTests
{
    [Fact]
    public async Task Fewer_months_than_the_label_delay_tell_no_story_and_say_why()
    {
        var result = await RunAsync(null, "--months", "12");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no month's labels arrive by month 12", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_data_folder_without_the_months_asked_for_is_bad_input_and_nothing_starts()
    {
        using var temp = new TemporaryDirectory("mlops-demo-input");
        var data = temp.File("data");
        Directory.CreateDirectory(data);
        File.Copy(RepositoryPaths.SeedMonth(0), Path.Combine(data, "reference.csv"));
        File.Copy(RepositoryPaths.SeedMonth(1), Path.Combine(data, "month-1.csv"));
        var result = await RunAsync(temp, "--data", data, "--months", "3", "--label-delay", "1", "--workdir", temp.File("run"));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("mlops: error: --data " + data + ": month-2.csv is missing; the demo needs reference.csv and month-1.csv … month-3.csv", result.StandardError.Trim());
        Assert.False(Directory.Exists(temp.File("run/home/run")));
    }

    [Fact]
    public async Task A_work_folder_that_is_not_an_earlier_demos_is_never_emptied()
    {
        using var temp = new TemporaryDirectory("mlops-demo-input");
        var workdir = temp.File("mine");
        Directory.CreateDirectory(workdir);
        await File.WriteAllTextAsync(Path.Combine(workdir, "notes.txt"), "mine");
        var result = await RunAsync(temp, "--workdir", workdir);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("was not made by mlops demo", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(workdir, "notes.txt")));
    }

    private static async Task<ProcessResult> RunAsync(TemporaryDirectory? temp, params string[] args)
    {
        using var own = temp is null ? new TemporaryDirectory("mlops-demo-input") : null;
        var folder = temp ?? own!;
        return await CliProcess.RunAsync(["demo", .. args], folder.Path, new Dictionary<string, string> { [RegistryHome.EnvironmentVariable] = folder.File("user-home") });
    }
}
