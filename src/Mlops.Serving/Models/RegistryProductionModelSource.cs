using Mlops.Core.Problems;
using Mlops.Core.Registry;

namespace Mlops.Serving.Models;

/// <summary>
/// Serves whatever the registry has in production, and the baseline while nothing is. The registry's
/// production revision (one single-row query) tells the service when a promotion or rollback happened.
/// Each problem has its own production model: the service follows <paramref name="problem"/>'s, named
/// once at start (<see cref="ModelRegistry.ProblemOf"/>), so a promotion of another problem's model never reaches it.
/// </summary>
public sealed class RegistryProductionModelSource(ModelRegistry registry, ModelFolderLoader load, TimeProvider time, string problem) : IModelSource
{
    public string Description => $"the production {problem} model of the registry {registry.Location}";

    public long Revision() => registry.ProductionRevision(problem);

    public ServedModel Load()
    {
        // Read before the model: a promotion in between makes the next poll reload once more, never miss one.
        var revision = registry.ProductionRevision(problem);
        var production = registry.GetProduction(problem);
        if (production is null)
        {
            // Without a card the problem is known by name only: the talk's rules answer for the talk's problem.
            return problem == ProblemSchema.Insurance.Name
                ? ServedModel.BaselineOnly($"baseline (no production model of {problem} in the registry)", revision, time.GetUtcNow(), ProblemSchema.Insurance)
                : throw new Core.InvalidInputException($"the registry has no production model of problem '{problem}': promote one (its card carries the problem the service answers for)");
        }

        var loaded = load(production.Path);
        return ServedModel.Trained(loaded.Classifier, loaded.Card, production.Model.Version, "registry production", production.Revision, time.GetUtcNow());
    }
}
