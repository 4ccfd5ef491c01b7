using System.Text.Json;
using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Demo;

/// <summary>
/// Runs the demo once, shortened, as a real child process: the seed's data, 13 months with a label
/// delay of one month. At month 13 the labels of month 12 have arrived — the same month the full
/// story (36 months, 24 months' delay) validates and retrains on, so the closing act is the talk's
/// own; the simulation is shorter and still sees the drift of months 2, 9 and 11. The user's
/// <c>MLOPS_HOME</c> points at a folder the demo must never create.
/// </summary>
public sealed class ShortDemoFixture : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _temp = new("mlops-demo");

    public string Workdir => _temp.File("run");

    public string UserHome => _temp.File("user-home");

    public ProcessResult Result { get; private set; } = null!;

    public JsonDocument Json { get; private set; } = null!;

    public JsonElement Root => Json.RootElement;

    public IReadOnlyList<int> LeftRunning { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Result = await CliProcess.RunAsync(
            ["demo", "--data", RepositoryPaths.SeedData, "--months", "13", "--label-delay", "1", "--workdir", Workdir, "--json"],
            _temp.Path,
            new Dictionary<string, string> { [RegistryHome.EnvironmentVariable] = UserHome });
        LeftRunning = ProcessesOfHome.Find(Path.Combine(Workdir, "home"));
        Json = JsonDocument.Parse(Result.StandardOutput.Length > 0 ? Result.StandardOutput : "{}");
    }

    public JsonElement Step(string name) => Root.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == name);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Json?.Dispose();
        _temp.Dispose();
    }
}
