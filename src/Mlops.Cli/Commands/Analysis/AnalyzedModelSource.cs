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
    /// <returns>
    /// The insurance model as the talk's analysis reads it (null for a model of another problem, or none),
    /// the loaded model (any problem) and how the report names it.
    /// </returns>
    public static (AnalyzedModel? Model, TrainedModel? Loaded, string? Label) Resolve(string? model)
    {
        var location = RegistryLocation.Resolve();
        if (model is not null)
        {
            return Any(ModelReference.Parse(model).Load(location, Warnings.Write));
        }

        var registry = location.Exists ? ModelRegistry.Open(location) : null;
        return registry?.GetProduction() is { } production
            ? Any(ModelReference.LoadVersion(registry, production.Model.Version, Warnings.Write))
            : (null, null, null);
    }

    private static (AnalyzedModel? Model, TrainedModel Loaded, string Label) Any((TrainedModel Model, string Name, ModelVersion? Version) loaded) =>
        (loaded.Model.IsRiskModel ? Named(loaded).Model : null, loaded.Model, loaded.Name);

    /// <summary>A registry version (verified), named in the report with its stage, e.g. "v1 (archived)".</summary>
    public static (AnalyzedModel Model, TrainedModel Loaded) FromRegistry(ModelRegistry registry, string version) =>
        Named(ModelReference.LoadVersion(registry, version, Warnings.Write));

    private static (AnalyzedModel Model, TrainedModel Loaded) Named((TrainedModel Model, string Name, ModelVersion? Version) loaded) =>
        (new AnalyzedModel(loaded.Name, loaded.Model.Model, loaded.Model.Card), loaded.Model);
}
