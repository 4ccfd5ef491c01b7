using Mlops.Core.Problems;
using Mlops.Core.Registry;

namespace Mlops.Serving.Models;

/// <summary>
/// Serves whatever the registry has in production, and the fallback rules of the given problem while
/// nothing is (the talk's until the registry keeps models per problem). The registry's production revision (one single-row query) tells the service when a promotion
/// or rollback happened.
/// </summary>
public sealed class RegistryProductionModelSource(ModelRegistry registry, ModelFolderLoader load, TimeProvider time, ProblemSchema? problem = null) : IModelSource
{
    public string Description => $"the production model of the registry {registry.Home}";

    public long Revision() => registry.ProductionRevision();

    public ServedModel Load()
    {
        // Read before the model: a promotion in between makes the next poll reload once more, never miss one.
        var revision = registry.ProductionRevision();
        var production = registry.GetProduction();
        if (production is null)
        {
            return ServedModel.BaselineOnly("baseline (no production model in the registry)", revision, time.GetUtcNow(), problem ?? ProblemSchema.Insurance);
        }

        var loaded = load(production.Path);
        return ServedModel.Trained(loaded.Classifier, loaded.Card, production.Model.Version, "registry production", production.Revision, time.GetUtcNow());
    }
}
