using Mlops.Cli.Tests.Registry;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Model;

/// <summary>validate takes --model as serve and analyze do: a registry version is validated from its verified artifact.</summary>
public sealed class ValidateVersionTests : IDisposable
{
    private readonly RegistrySandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task A_registry_version_is_validated_and_the_report_recorded_on_it()
    {
        var train = await _sandbox.RunAsync("train", "-d", RepositoryPaths.SeedMonth(0), "-m", _sandbox.Path("classifier"), "--register");
        Assert.True(train.ExitCode == 0, train.ToString());

        var run = await _sandbox.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(0), "-m", "v1");

        Assert.True(run.ExitCode == 0, run.ToString());
        var output = RegistrySandbox.Flat(run.StandardOutput);
        Assert.Contains("invariants of v1 on", output, StringComparison.Ordinal);
        Assert.Contains("recorded on registry version v1", output, StringComparison.Ordinal);
        var promoted = await _sandbox.RunAsync("registry", "promote", "v1");
        Assert.True(promoted.ExitCode == 0, promoted.ToString());
    }

    [Fact]
    public async Task A_name_that_is_neither_folder_nor_version_is_one_line_and_exit_code_2()
    {
        var run = await _sandbox.RunAsync("validate", "-d", RepositoryPaths.SeedMonth(0), "-m", "latest");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(
            "mlops: error: latest: no such model folder, and not a registry version (vN, 4+ hex digits of the artifact hash, or 'production' / 'production:NAME')",
            run.StandardError.Trim());
        Assert.False(Directory.Exists(_sandbox.Home));
    }
}
