using System.Text.Json;
using Mlops.Core.Data;
using Mlops.Core.Registry;
using Mlops.Testing;

namespace Mlops.Cli.Tests.Registry;

/// <summary>
/// Real concurrent processes: several <c>mlops registry promote</c> (and a rollback) started at once
/// against one catalog, repeated. Whatever the interleaving, exactly one model must be in production
/// and the history must explain every stage exactly.
/// </summary>
public sealed class ConcurrentPromotionCliTests : IDisposable
{
    private const int Models = 4;
    private const int Rounds = 3;

    private readonly RegistrySandbox _sandbox = new();

    [Fact]
    public async Task Concurrent_promote_processes_leave_one_production_model_and_a_consistent_history()
    {
        var dataSha = ContentHash.OfFile(RepositoryPaths.SeedMonth(0));
        var registry = _sandbox.Open();
        for (var seed = 1; seed <= Models; seed++)
        {
            var model = registry.Register(_sandbox.ModelFolder(seed, dataSha)).Model;
            registry.RecordValidation(model.Version, RegistrySandbox.Report(dataSha, "reference.csv", passed: true));
        }

        var changes = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var commands = Enumerable.Range(1, Models).Select(n => new[] { "registry", "promote", $"v{n}", "--json" }).ToList();
            if (round > 0)
            {
                // From round two on the production line holds at least three models, so a rollback always has one to restore.
                commands.Add(["registry", "rollback", "--reason", $"round {round}", "--json"]);
            }

            var results = await Task.WhenAll(commands.Select(c => _sandbox.RunAsync(c)));

            Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
            changes += results.Count(r => ChangedProduction(r.StandardOutput));
            var production = registry.List().Where(m => m.Stage == ModelStage.Production).Select(m => m.Version).ToList();
            Assert.Single(production);
        }

        AssertHistoryExplainsTheCatalog(registry, changes);
    }

    /// <summary>True when the process reported a change of the production model (not a no-op).</summary>
    private static bool ChangedProduction(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return root.TryGetProperty("outcome", out var outcome)
            ? outcome.GetString() is "promoted" or "forced_promotion"
            : root.TryGetProperty("restored", out _);
    }

    private static void AssertHistoryExplainsTheCatalog(ModelRegistry registry, int changes)
    {
        var stages = new Dictionary<string, ModelStage>();
        var revisions = new HashSet<long>();
        foreach (var change in registry.History())
        {
            if (change.Action != StageAction.Registered)
            {
                Assert.Equal(change.From, stages[change.Version]);
                revisions.Add(change.ProductionRevision);
            }

            stages[change.Version] = change.To;
            Assert.True(stages.Values.Count(s => s == ModelStage.Production) <= 1, $"two production models after change #{change.Sequence}");
        }

        Assert.Equal(registry.List().ToDictionary(m => m.Version, m => m.Stage), stages);
        // Every reported change got its own revision, numbered 1, 2, 3, … without gaps or duplicates.
        Assert.Equal(Enumerable.Range(1, changes).Select(i => (long)i), revisions.Order());
        Assert.Equal(changes, registry.ProductionRevision());
        Assert.Equal(stages.Single(s => s.Value == ModelStage.Production).Key, registry.GetProduction()?.Model.Version);
    }

    public void Dispose() => _sandbox.Dispose();
}
