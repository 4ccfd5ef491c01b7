using Mlops.Core.Registry;

namespace Mlops.Core.Tests.Registry;

/// <summary>Replays the whole stage history and checks it explains the catalog's current state exactly.</summary>
internal static class RegistryConsistency
{
    public static void AssertConsistent(ModelRegistry registry)
    {
        var models = registry.List();
        var stages = new Dictionary<string, ModelStage>();
        long revision = 0;
        foreach (var change in registry.History())
        {
            if (change.Action == StageAction.Registered)
            {
                Assert.False(stages.ContainsKey(change.Version), $"{change.Version} registered twice");
            }
            else
            {
                Assert.Equal(change.From, stages[change.Version]);
                Assert.True(change.ProductionRevision >= revision, $"revision went back at #{change.Sequence}");
                revision = change.ProductionRevision;
            }

            stages[change.Version] = change.To;
            Assert.True(stages.Values.Count(s => s == ModelStage.Production) <= 1, $"two production models after #{change.Sequence}");
        }

        Assert.Equal(models.ToDictionary(m => m.Version, m => m.Stage), stages);
        Assert.Equal(revision, registry.ProductionRevision());
        Assert.Equal(models.SingleOrDefault(m => m.Stage == ModelStage.Production)?.Version, registry.GetProduction()?.Model.Version);
    }
}
