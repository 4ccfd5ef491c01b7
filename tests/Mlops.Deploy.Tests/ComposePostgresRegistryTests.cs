using System.Text.RegularExpressions;
using Mlops.Core.Registry;
using Mlops.Deploy.Tests.Kubernetes;
using Mlops.Testing.Observability;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace Mlops.Deploy.Tests;

/// <summary>
/// The Compose stack's opt-in registry in PostgreSQL (<c>docker-compose.postgres.yml</c> on top of
/// <c>docker-compose.yml</c>), read without Docker: the containers that open the registry get a
/// <c>MLOPS_REGISTRY</c> the CLI accepts, pointing at the stack's PostgreSQL with its user, database
/// and password, and wait until it is ready; the password has no default and PostgreSQL no published
/// port. (<c>deploy/init.sh</c> on a PostgreSQL registry runs natively in InitScriptTests.)
/// </summary>
public sealed partial class ComposePostgresRegistryTests
{
    private const string PasswordVariable = "MLOPS_POSTGRES_PASSWORD";
    private const string Password = "5f3a9c0e71d2";

    private static readonly YamlMappingNode Base = YamlFile.Load(DeployFiles.Compose).Mapping("services");
    private static readonly YamlMappingNode Override = YamlFile.Load(DeployFiles.ComposePostgres).Mapping("services");

    [Fact]
    public async Task The_containers_that_open_the_registry_reach_the_stacks_PostgreSQL_once_it_is_ready()
    {
        var postgres = Override.Mapping("postgres");
        var server = postgres.Mapping("environment");

        // PostgreSQL, and the three base services that open the registry (the monitor for its --model production).
        Assert.Equal(["postgres", "init", "service", "monitor"], Override.Children.Keys.Select(k => k.ToString()));
        Assert.Equal(["init", "service", "monitor"], Override.Children.Keys.Select(k => k.ToString()).Where(name => Base.Get(name) is not null));
        foreach (var name in new[] { "init", "service", "monitor" })
        {
            var container = Override.Mapping(name);
            var location = RegistryLocation.Parse(Interpolate(container.Mapping("environment").Scalar(RegistryLocation.EnvironmentVariable)), "/data/registry");
            var connection = new NpgsqlConnectionStringBuilder(location.Postgres);
            Assert.Equal("postgres", connection.Host);
            Assert.Equal(server.Scalar("POSTGRES_USER"), connection.Username);
            Assert.Equal(server.Scalar("POSTGRES_DB"), connection.Database);
            Assert.Equal(Password, connection.Password);
            Assert.Equal(Password, Interpolate(server.Scalar("POSTGRES_PASSWORD")));
            Assert.Equal("service_healthy", container.Mapping("depends_on").Mapping("postgres").Scalar("condition"));
        }

        // Ready means ready for that user and database; and the CLI reads the variable the override sets.
        Assert.Contains($"pg_isready -U {server.Scalar("POSTGRES_USER")} -d {server.Scalar("POSTGRES_DB")}", postgres.Mapping("healthcheck").Scalars("test").Last(), StringComparison.Ordinal);
        Assert.Contains(RegistryLocation.EnvironmentVariable, await CliHelp.EnvironmentVariablesAsync("serve"));
        Assert.Contains(RegistryLocation.EnvironmentVariable, await CliHelp.EnvironmentVariablesAsync(""));
    }

    [Fact]
    public void PostgreSQL_is_pinned_private_and_has_no_default_password()
    {
        var postgres = Override.Mapping("postgres");

        Assert.Matches(@"^postgres:\d+\.\d+(-\w+)?$", postgres.Scalar("image"));
        Assert.Null(postgres.Get("ports"));
        Assert.Equal(["postgres-data:/var/lib/postgresql/data"], postgres.Scalars("volumes"));
        Assert.NotNull(YamlFile.Load(DeployFiles.ComposePostgres).Mapping("volumes").Get("postgres-data"));
        // Every ${…} is the password, required (":?"): without it Compose refuses to start.
        var references = Substitution().Matches(File.ReadAllText(DeployFiles.ComposePostgres)).ToList();
        Assert.Equal(4, references.Count); // PostgreSQL's own, and the registry of init, service and monitor
        Assert.All(references, r => Assert.Equal(PasswordVariable, r.Groups["name"].Value));
        Assert.All(references, r => Assert.Equal(":?", r.Groups["kind"].Value));
    }

    /// <summary>What Compose makes of a value, with the password set.</summary>
    private static string Interpolate(string? value) =>
        Substitution().Replace(value ?? "", m => m.Groups["name"].Value == PasswordVariable ? Password : throw new InvalidOperationException($"unexpected {m.Value}"));

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<kind>:?[-?+])?[^}]*\}")]
    private static partial Regex Substitution();
}
