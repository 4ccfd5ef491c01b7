using Mlops.Core.Models;
using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Serving.Tests.Service;

/// <summary>
/// The registry on PostgreSQL, as replicas on several machines use it: each process has its own home
/// folder (a cache), the catalog and the model files are only in PostgreSQL. The service follows its
/// problem's production model there; another problem's promotions are not its concern.
/// </summary>
public sealed class PostgresRegistryServiceTests
{
    [Fact]
    public async Task Serve_follows_the_production_model_of_its_problem_in_a_PostgreSQL_registry()
    {
        using var postgres = new PostgresScratchSchema();
        using var temp = new TemporaryDirectory("mlops-pg-registry");
        var registryEnv = "postgres:" + postgres.ConnectionString;
        var trainer = ModelRegistry.Open(new RegistryLocation(temp.File("trainer-home"), postgres.ConnectionString));
        var v1 = trainer.Register(await TrainedModels.First()).Model.Version;
        var v2 = trainer.Register(await TrainedModels.Second()).Model.Version;
        var v3 = trainer.Register(OtherProblem(await TrainedModels.Second(), temp.File("churn-model"))).Model.Version;
        trainer.Promote(v1, force: true, reason: "serving test");
        trainer.Promote(v3, force: true, reason: "serving test");

        Dictionary<string, string> Machine(string name) => new()
        {
            [RegistryHome.EnvironmentVariable] = temp.File(name),
            [RegistryLocation.EnvironmentVariable] = registryEnv,
        };

        await using var insurance = await ServiceProcess.StartAsync("serve", Machine("replica-a"), "--problem", "insurance");
        await using var churn = await ServiceProcess.StartAsync("serve", Machine("replica-b"), "--problem", "churn");
        Assert.Equal(v1, (await ServiceSandbox.GetJsonAsync(insurance.Http, "health")).GetProperty("model_version").GetString());
        Assert.Equal(v3, (await ServiceSandbox.GetJsonAsync(churn.Http, "health")).GetProperty("model_version").GetString());

        // An operator on a third machine promotes with the CLI; the insurance service picks it up from PostgreSQL.
        var promote = await CliProcess.RunAsync(["registry", "promote", v2, "--force", "--reason", "serving test"], temp.Path, Machine("operator"));
        Assert.True(promote.ExitCode == 0, promote.ToString());
        await ServiceSandbox.WaitForHealthAsync(insurance.Http, h => h.GetProperty("model_version").GetString() == v2, TimeSpan.FromSeconds(30));
        var answer = await ServiceSandbox.PredictAsync(insurance.Http, TrainedModels.ReferenceRows[0].Features);
        Assert.Equal(v2, answer.Json.GetProperty("model_version").GetString());
        Assert.True(File.Exists(Path.Combine(temp.File("replica-a"), "artifacts", trainer.Get(v2).ArtifactSha256, "model.zip")));
        Assert.False(File.Exists(Path.Combine(temp.File("replica-a"), "registry.db")));

        // Two problems in production: a rollback must name one.
        var ambiguous = await CliProcess.RunAsync(["registry", "rollback"], temp.Path, Machine("operator"));
        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("several problems (churn, insurance); name one with --problem NAME", ambiguous.StandardError, StringComparison.Ordinal);
        var rollback = await CliProcess.RunAsync(["registry", "rollback", "--problem", "insurance"], temp.Path, Machine("operator"));
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        await ServiceSandbox.WaitForHealthAsync(insurance.Http, h => h.GetProperty("model_version").GetString() == v1, TimeSpan.FromSeconds(30));
        Assert.Equal(v3, (await ServiceSandbox.GetJsonAsync(churn.Http, "health")).GetProperty("model_version").GetString());
    }

    /// <summary>A copy of an insurance model whose card names another problem (the insurance schema under another name).</summary>
    private static string OtherProblem(string modelFolder, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(modelFolder))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        var card = ModelCardFile.Read(destination);
        ModelCardFile.Write(destination, card with { Problem = Core.Problems.ProblemSchema.Insurance with { Name = "churn" } });
        return destination;
    }
}
