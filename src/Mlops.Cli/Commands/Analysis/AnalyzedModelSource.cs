using Mlops.Core;
using Mlops.Core.Analysis;
using Mlops.Core.Models;
using Mlops.Core.Registry;

namespace Mlops.Cli.Commands.Analysis;

/// <summary>
/// Finds the model an analysis looks at: a model folder, a registry version, or — when none is named
/// and a registry exists — the production model; none at all is allowed (the prediction parts are skipped).
/// </summary>
internal static class AnalyzedModelSource
{
    public static (AnalyzedModel? Model, TrainedModel? Loaded) Resolve(string? model)
    {
        if (model is not null && Directory.Exists(model))
        {
            var loaded = ModelDirectory.Load(model);
            return (new AnalyzedModel(model, loaded.Model, loaded.Card), loaded);
        }

        var registryExists = Directory.Exists(RegistryHome.Resolve());
        if (model is not null)
        {
            if (!registryExists)
            {
                throw new InvalidInputException($"--model {model}: no such model folder, and there is no registry ({RegistryHome.Resolve()}) to look the version up in");
            }

            return FromRegistry(ModelRegistry.OpenDefault(), model);
        }

        if (registryExists && ModelRegistry.OpenDefault().GetProduction() is { } production)
        {
            var loaded = ModelDirectory.Load(production.Path);
            return (new AnalyzedModel($"{production.Model.Version} (production)", loaded.Model, loaded.Card), loaded);
        }

        return (null, null);
    }

    /// <summary>A registry version (verified), named in the report with its stage, e.g. "v1 (archived)".</summary>
    public static (AnalyzedModel Model, TrainedModel Loaded) FromRegistry(ModelRegistry registry, string version)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var artifact = registry.Load(version);
        var loaded = ModelDirectory.Load(artifact.Path);
        return (new AnalyzedModel($"{artifact.Model.Version} ({artifact.Model.Stage.ToString().ToLowerInvariant()})", loaded.Model, loaded.Card), loaded);
    }
}
