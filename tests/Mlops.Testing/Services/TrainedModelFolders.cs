namespace Mlops.Testing.Services;

/// <summary>
/// Two real models, trained once per test run with <c>mlops train</c> on the seed's reference data:
/// <see cref="First"/> (the default trainer) and <see cref="Second"/> (LightGBM), so a promotion
/// visibly changes version and trainer. Tests register them in their own registry.
/// </summary>
public static class TrainedModelFolders
{
    private static readonly Lazy<Task<(string First, string Second)>> Folders = new(TrainAsync);
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"mlops-test-models-{Environment.ProcessId}");

    public static async Task<string> First() => (await Folders.Value).First;

    public static async Task<string> Second() => (await Folders.Value).Second;

    private static async Task<(string, string)> TrainAsync()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(Root);
        var first = Path.Combine(Root, "first");
        var second = Path.Combine(Root, "second");
        var runs = await Task.WhenAll(
            CliProcess.RunAsync("train", "-d", RepositoryPaths.SeedMonth(0), "-m", first),
            CliProcess.RunAsync("train", "-d", RepositoryPaths.SeedMonth(0), "-m", second, "--trainer", "lightgbm"));
        foreach (var run in runs)
        {
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"mlops train failed: {run}");
            }
        }

        return (first, second);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
