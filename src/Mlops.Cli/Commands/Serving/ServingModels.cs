using Mlops.Core.Models;
using Mlops.Core.Registry;
using Mlops.Serving.Models;

namespace Mlops.Cli.Commands.Serving;

/// <summary>Which model <c>mlops serve</c> answers with, and the baseline it falls back to.</summary>
internal static class ServingModels
{
    /// <summary>The talk's rule model: the fallback, and the only answer while no model is in production.</summary>
    public static IRiskModel Baseline => BaselineRiskModel.Instance;

    /// <summary>Loads a trained model folder (ML.NET model plus <c>model.json</c>).</summary>
    public static LoadedModel LoadFolder(string folder)
    {
        var trained = ModelDirectory.Load(folder);
        return new LoadedModel(trained.Model, trained.Card);
    }

    /// <summary>A folder given with --model, a registry version given with --model, or the registry's production model.</summary>
    public static IModelSource Source(string? model, string home)
    {
        if (model is not null && (Directory.Exists(model) || File.Exists(model) || model.Contains('/', StringComparison.Ordinal)))
        {
            return new FolderModelSource(model, LoadFolder, TimeProvider.System);
        }

        var registry = ModelRegistry.Open(home);
        return model is null
            ? new RegistryProductionModelSource(registry, LoadFolder, TimeProvider.System)
            : new RegistryVersionModelSource(registry, model, LoadFolder, TimeProvider.System);
    }
}
