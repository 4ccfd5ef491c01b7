using Mlops.Core.Data;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary>
/// Two real models, trained once per test run with <c>mlops train</c> on the seed's reference data:
/// <see cref="First"/> (the default trainer) and <see cref="Second"/> (LightGBM), so a promotion
/// visibly changes version and trainer.
/// </summary>
internal static class TrainedModels
{
    private static readonly Lazy<Task<(string First, string Second)>> Folders = new(TrainAsync);
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"mlops-serving-models-{Environment.ProcessId}");

    public static async Task<string> First() => (await Folders.Value).First;

    public static async Task<string> Second() => (await Folders.Value).Second;

    /// <summary>The seed's reference rows: real customers inside the training ranges.</summary>
    public static IReadOnlyList<InsuranceRecord> ReferenceRows { get; } =
        InsuranceCsvReader.ReadFile(RepositoryPaths.SeedMonth(0)).Records;

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
