using Mlops.Cli.Infrastructure;
using Mlops.Core.Analysis;
using Mlops.Core.Lifecycle;
using Mlops.Core.Models;
using Mlops.Core.Registry;

namespace Mlops.Cli.Commands.Analysis;

/// <summary>
/// Finds the model an analysis looks at: the one --model names (<see cref="ModelReference"/>: a folder
/// or a registry version), or — when none is named and a registry exists — the production model; none
/// at all is allowed (the prediction parts are skipped).
/// </summary>
internal static class AnalyzedModelSource
{
    /// <returns>The model as the analysis reads it (any problem; null when there is none) and the loaded model to dispose.</returns>
    public static (AnalyzedModel? Model, TrainedModel? Loaded) Resolve(string? model)
    {
        var location = RegistryLocation.Resolve();
        if (model is not null)
        {
            return Named(ModelReference.Parse(model).Load(location, Warnings.Write));
        }

        var registry = location.Exists ? ModelRegistry.Open(location) : null;
        return registry?.GetProduction() is { } production
            ? Named(ModelReference.LoadVersion(registry, production.Model.Version, Warnings.Write))
            : (null, null);
    }

    /// <summary>A registry version (verified), named in the report with its stage, e.g. "v1 (archived)".</summary>
    public static (AnalyzedModel Model, TrainedModel Loaded) FromRegistry(ModelRegistry registry, string version) =>
        Named(ModelReference.LoadVersion(registry, version, Warnings.Write));

    private static (AnalyzedModel Model, TrainedModel Loaded) Named((TrainedModel Model, string Name, ModelVersion? Version) loaded) =>
        (AnalyzedModel.Of(loaded.Name, loaded.Model), loaded.Model);
}
