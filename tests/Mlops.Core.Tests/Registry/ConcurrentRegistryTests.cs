using Mlops.Core.Registry;

namespace Mlops.Core.Tests.Registry;

/// <summary>
/// Several registry instances (each with its own connections, like separate processes) writing at
/// once. The CLI tests repeat this with real child processes.
/// </summary>
public abstract class ConcurrentRegistryTests(RegistryBackend backend) : RegistryTestBase(backend)
{
    [Fact]
    public void Parallel_promotions_leave_exactly_one_production_model_and_a_consistent_history()
    {
        for (var seed = 1; seed <= 4; seed++)
        {
            AddValidated(seed);
        }

        for (var round = 0; round < 5; round++)
        {
            var results = Enumerable.Range(1, 4)
                .AsParallel()
                .WithDegreeOfParallelism(4)
                .Select(n => ModelRegistry.Open(Location).Promote($"v{n}"))
                .ToList();
            Assert.All(results, r => Assert.True(r.InProduction));
        }

        Assert.Single(Registry.List(), m => m.Stage == ModelStage.Production);
        RegistryConsistency.AssertConsistent(Registry);
    }

    [Fact]
    public void Parallel_registrations_of_the_same_and_different_models_number_them_without_gaps()
    {
        var same = RegistryFixtures.ModelFolder(Temp.Path, "same", seed: 99);
        var folders = Enumerable.Range(1, 6).Select(i => RegistryFixtures.ModelFolder(Temp.Path, $"m{i}", seed: i)).ToList();

        var registrations = folders.Concat(Enumerable.Repeat(same, 4))
            .AsParallel()
            .WithDegreeOfParallelism(4)
            .Select(f => ModelRegistry.Open(Location).Register(f))
            .ToList();

        Assert.Equal(Enumerable.Range(1, 7), Registry.List().Select(m => m.Number));
        Assert.Single(registrations.Where(r => r.Model.ArtifactSha256 == ArtifactManifest.OfFolder(same).Sha256).Select(r => r.Model.Number).Distinct());
        Assert.Equal(7, Directory.GetDirectories(Path.Combine(Home, "artifacts")).Length);
    }
}

public sealed class ConcurrentRegistryTestsOnSqlite() : ConcurrentRegistryTests(RegistryBackend.Sqlite);

public sealed class ConcurrentRegistryTestsOnPostgres() : ConcurrentRegistryTests(RegistryBackend.Postgres);
