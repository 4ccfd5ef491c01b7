using Mlops.Testing;

namespace Mlops.Cli.Tests.Model;

/// <summary>One model trained by the real CLI on the seed's reference data, shared by the tests that only read it.</summary>
public sealed class TrainedClassifierFixture : IAsyncLifetime, IDisposable
{
    private readonly TemporaryDirectory _temp = new("mlops-cli-model");

    public string Directory => _temp.File("classifier");

    public ProcessResult Training { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Training = await CliProcess.RunAsync("train", "-d", RepositoryPaths.SeedMonth(0), "-m", Directory);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _temp.Dispose();
}
