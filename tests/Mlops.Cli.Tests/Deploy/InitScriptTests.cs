using System.Diagnostics;
using System.Runtime.Versioning;
using Mlops.Core.Registry;
using Mlops.Testing;
using Mlops.Testing.Services;

namespace Mlops.Cli.Tests.Deploy;

/// <summary>
/// The Compose stack's one-off init step (deploy/init.sh), run natively with the real CLI: no Docker
/// engine here, but the script's commands and their order (the gate needs a validation before the
/// promotion) are what decide whether the stack comes up.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class InitScriptTests
{
    [Fact]
    public async Task Init_generates_the_data_and_puts_a_validated_model_into_production_once()
    {
        using var temp = new TemporaryDirectory();
        var volume = temp.File("volume");
        var home = Path.Combine(volume, "registry");

        var first = await RunInitAsync(temp, volume, home);
        Assert.True(first.ExitCode == 0, first.ToString());
        var token = File.ReadAllText(Path.Combine(volume, "token"));
        var second = await RunInitAsync(temp, volume, home);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(37, Directory.GetFiles(Path.Combine(volume, "data"), "*.csv").Length);
        Assert.True(File.Exists(Path.Combine(volume, ".initialized")));
        var production = ModelRegistry.Open(home).GetProduction();
        Assert.NotNull(production);
        Assert.Equal("v1", production.Model.Version);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("already initialised", second.StandardOutput, StringComparison.Ordinal);

        // The stack's token: owner-only, one word the services accept, made once.
        var tokenFile = Path.Combine(volume, "token");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.NotNull(Mlops.Hosting.Access.ApiToken.FromFile(tokenFile));
        Assert.Equal(token, File.ReadAllText(tokenFile));
    }

    [Fact]
    public async Task On_a_shared_PostgreSQL_registry_that_holds_models_init_promotes_the_version_it_registered_and_later_keeps_production()
    {
        using var postgres = new PostgresScratchSchema();
        using var temp = new TemporaryDirectory();
        // An old database: its v1 is another model, registered and never promoted.
        var registry = ModelRegistry.Open(new RegistryLocation(temp.File("operator"), postgres.ConnectionString));
        var old = registry.Register(await TrainedModelFolders.Second()).Model.Version;
        var shared = "postgres:" + postgres.ConnectionString;

        var first = await RunInitAsync(temp, temp.File("volume-a"), temp.File("home-a"), shared);
        Assert.True(first.ExitCode == 0, first.ToString());
        var production = registry.GetProduction();
        Assert.NotNull(production);
        Assert.NotEqual(old, production.Model.Version);
        Assert.Contains($"model {production.Model.Version} in production", first.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(postgres.ConnectionString, first.StandardOutput + first.StandardError, StringComparison.Ordinal);

        // A fresh volume on the same registry (a new cluster, a lost volume): the production model stays, nothing is trained.
        var second = await RunInitAsync(temp, temp.File("volume-b"), temp.File("home-b"), shared);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("already has a production model, kept", second.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(production.Model.Version, registry.GetProduction()?.Model.Version);
        Assert.Equal(2, registry.List().Count);
        Assert.True(File.Exists(Path.Combine(temp.File("volume-b"), "data", "reference.csv")));
    }

    private static async Task<ProcessResult> RunInitAsync(TemporaryDirectory temp, string volume, string home, string? registry = null)
    {
        // The image's entrypoint is `mlops`; here a two-line wrapper around the CLI under test.
        var bin = temp.File("bin");
        Directory.CreateDirectory(bin);
        var wrapper = Path.Combine(bin, "mlops");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec dotnet \"{CliProcess.CliDll}\" \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo("sh") { WorkingDirectory = temp.Path };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "deploy", "init.sh"));
        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["MLOPS_VOLUME"] = volume;
        start.Environment["MLOPS_HOME"] = home;
        start.Environment["NO_COLOR"] = "1";
        if (registry is not null)
        {
            start.Environment[RegistryLocation.EnvironmentVariable] = registry;
        }

        return await ProcessRunner.RunAsync(start, TimeSpan.FromMinutes(3));
    }
}
