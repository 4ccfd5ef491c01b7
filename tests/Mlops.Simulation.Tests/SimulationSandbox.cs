using System.Globalization;
using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Simulation.Tests;

/// <summary>
/// A fresh <c>MLOPS_HOME</c> with the first trained model in production, and the real processes of a
/// test: the drift monitor on the seed's reference, the prediction service, <c>mlops simulate</c>.
/// Disposing stops every process it started.
/// </summary>
public sealed class SimulationSandbox : IAsyncDisposable
{
    private readonly TemporaryDirectory _home = new("mlops-sim");
    private readonly List<ServiceProcess> _processes = [];

    public string Home => _home.Path;

    public string PredictionLogPath => Path.Combine(Home, "predictions.db");

    /// <summary>
    /// <c>mlops monitor</c> on the seed's reference. The period is an hour: the reports are the replay's
    /// (one per month), not the clock's.
    /// </summary>
    public async Task<ServiceProcess> StartMonitorAsync(params string[] args) =>
        Track(await ServiceProcess.StartMonitorAsync(["--reference", RepositoryPaths.SeedMonth(0), "--interval", "3600", .. args]));

    /// <summary><c>mlops serve</c> with the first trained model in production (registered and promoted once per sandbox).</summary>
    public async Task<ServiceProcess> StartServiceAsync(params string[] args)
    {
        var registry = ModelRegistry.Open(Home);
        if (registry.GetProduction() is null)
        {
            var version = registry.Register(await TrainedModelFolders.First()).Model.Version;
            registry.Promote(version, force: true, reason: "simulation test");
        }

        return Track(await ServiceProcess.StartAsync(Home, args));
    }

    /// <summary><c>mlops serve</c> with these environment variables (its own registry: nothing is registered for it).</summary>
    public async Task<ServiceProcess> StartServiceAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Track(await ServiceProcess.StartAsync("serve", environment, args));

    /// <summary>Runs <c>mlops simulate args…</c> on the seed's data to completion.</summary>
    public Task<ProcessResult> SimulateAsync(params string[] args) =>
        CliProcess.RunAsync(["simulate", "--data", RepositoryPaths.SeedData, .. args], workingDirectory: null, Environment(), TimeSpan.FromMinutes(5));

    /// <summary>Runs any <c>mlops</c> command with this sandbox's <c>MLOPS_HOME</c>.</summary>
    public Task<ProcessResult> RunAsync(params string[] args) =>
        CliProcess.RunAsync(args, workingDirectory: RepositoryPaths.Root, Environment(), TimeSpan.FromMinutes(3));

    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string> { ["MLOPS_HOME"] = Home };

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Enumerable.Reverse(_processes))
        {
            await process.DisposeAsync();
        }

        _home.Dispose();
    }

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private ServiceProcess Track(ServiceProcess process)
    {
        _processes.Add(process);
        return process;
    }
}
