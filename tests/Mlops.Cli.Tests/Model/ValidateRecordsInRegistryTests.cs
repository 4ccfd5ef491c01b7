using System.Text.Json;
using Mlops.Cli.Tests.Registry;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Model;

/// <summary>train --register and validate feed the registry's promotion gate, as the talk's model store.</summary>
public sealed class ValidateRecordsInRegistryTests : IDisposable
{
    private readonly RegistrySandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task The_promotion_gate_follows_the_latest_validation_of_the_trained_folder()
    {
        var model = _sandbox.Path("classifier");

        var train = await _sandbox.RunAsync("train", "-d", RepositoryPaths.SeedMonth(0), "-m", model, "--register");
        Assert.True(train.ExitCode == 0, train.ToString());
        Assert.Contains("registered as v1 (candidate)", RegistrySandbox.Flat(train.StandardOutput), StringComparison.Ordinal);

        var month12 = await _sandbox.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(12), "-m", model);
        Assert.True(month12.ExitCode == 1, month12.ToString());
        Assert.Contains("recorded on registry version v1", RegistrySandbox.Flat(month12.StandardOutput), StringComparison.Ordinal);
        var refused = await _sandbox.RunAsync("registry", "promote", "v1");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("test_accuracy_min", RegistrySandbox.Flat(refused.StandardOutput + refused.StandardError), StringComparison.Ordinal);

        var reference = await _sandbox.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(0), "-m", model, "--json");
        Assert.True(reference.ExitCode == 0, reference.ToString());
        using (JsonDocument.Parse(reference.StandardOutput))
        {
            // stdout is the report alone; the note about recording went to stderr.
        }

        Assert.Contains("recorded on registry version v1", RegistrySandbox.Flat(reference.StandardError), StringComparison.Ordinal);
        var promoted = await _sandbox.RunAsync("registry", "promote", "v1");
        Assert.True(promoted.ExitCode == 0, promoted.ToString());

        // Lineage: the training data was registered with the model.
        var (_, lineage) = await _sandbox.RunJsonAsync("registry", "show", "v1");
        Assert.Contains(Path.GetFileName(RepositoryPaths.SeedMonth(0)), lineage.ToString(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_sandbox.Home, "datasets")));
    }

    [Fact]
    public async Task Validating_without_a_registry_never_creates_one()
    {
        var model = _sandbox.Path("classifier");
        var train = await CliProcess.RunAsync("train", "-d", RepositoryPaths.SeedMonth(0), "-m", model);
        Assert.True(train.ExitCode == 0, train.ToString());

        var run = await _sandbox.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(0), "-m", model);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Directory.Exists(_sandbox.Home));
        Assert.DoesNotContain("recorded", run.StandardOutput, StringComparison.Ordinal);
    }
}
