using Mlops.Testing;
using Mlops.Testing.Services;

namespace Mlops.Cli.Tests.Model;

/// <summary>
/// Two trained models, and the first one's model.zip replaced by the second's: readable, of this schema,
/// but not what the first card describes. Every command that loads a model refuses it in one line.
/// </summary>
public sealed class SwappedModelFileTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new("mlops-swapped");

    public void Dispose() => _temp.Dispose();

    private async Task<string> SwappedAsync()
    {
        var swapped = _temp.File("swapped");
        Directory.CreateDirectory(swapped);
        File.Copy(Path.Combine(await TrainedModelFolders.First(), "model.json"), Path.Combine(swapped, "model.json"));
        File.Copy(Path.Combine(await TrainedModelFolders.Second(), "model.zip"), Path.Combine(swapped, "model.zip"));
        return swapped;
    }

    public static TheoryData<string> Commands => ["validate", "analyze", "serve", "registry add"];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task A_swapped_model_file_is_refused_with_one_line_and_exit_code_2(string command)
    {
        var model = await SwappedAsync();
        string[] args = command switch
        {
            "validate" => ["validate", "-d", RepositoryPaths.SeedMonth(0), "-m", model],
            "analyze" => ["analyze", "-r", RepositoryPaths.SeedMonth(0), "-c", RepositoryPaths.SeedMonth(1), "-m", model, "--json"],
            "serve" => ["serve", "--port", "0", "--model", model],
            _ => ["registry", "add", model],
        };

        var run = await CliProcess.RunAsync(args, null, new Dictionary<string, string> { ["MLOPS_HOME"] = _temp.File("home") }, TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 2, run.ToString());
        var error = run.StandardError.Trim();
        Assert.Single(error.Split('\n'));
        Assert.StartsWith($"mlops: error: {Path.Combine(model, "model.zip")}: not the model its card describes", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unswapped_models_load_without_a_warning()
    {
        var run = await CliProcess.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(0), "-m", await TrainedModelFolders.First());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("warning", run.StandardError, StringComparison.Ordinal);
    }
}
