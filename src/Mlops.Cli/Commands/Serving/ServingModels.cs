using Mlops.Core.Models;
using Mlops.Core.Registry;
using Mlops.Serving.Models;

namespace Mlops.Cli.Commands.Serving;

/// <summary>Which model <c>mlops serve</c> answers with, and the baseline it falls back to.</summary>
internal static class ServingModels
{
    public static IRiskModel Baseline => throw new NotImplementedException("the baseline arrives with feature/train");

    /// <summary>Loads a trained model folder.</summary>
    public static LoadedModel LoadFolder(string folder) => throw new NotImplementedException("the loader arrives with feature/train");

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
