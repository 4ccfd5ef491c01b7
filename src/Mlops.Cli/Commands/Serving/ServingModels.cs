using Mlops.Cli.Infrastructure;
using Mlops.Core.Lifecycle;
using Mlops.Core.Models;
using Mlops.Core.Registry;
using Mlops.Serving.Models;

namespace Mlops.Cli.Commands.Serving;

/// <summary>Which model <c>mlops serve</c> answers with (its fallback rules come with its problem).</summary>
internal static class ServingModels
{
    /// <summary>Loads a trained model folder with every loader's checks; a caveat goes to stderr.</summary>
    public static TrainedModel LoadFolder(string folder) => ModelDirectory.Load(folder, Warnings.Write);

    /// <summary>
    /// The model named by --model (<see cref="ModelReference"/>: a folder, or a version of the existing
    /// registry), or else the production model of <paramref name="problem"/> (none named: the registry's
    /// only problem, see <see cref="ModelRegistry.ProblemOf"/>), polled for hot reload (the registry is
    /// created if needed: the baseline answers until a model is promoted).
    /// </summary>
    public static IModelSource Source(string? model, string? problem, RegistryLocation location)
    {
        if (model is null)
        {
            var registry = ModelRegistry.Open(location);
            return new RegistryProductionModelSource(registry, LoadFolder, TimeProvider.System, registry.ProblemOf(problem));
        }

        var reference = ModelReference.Parse(model);
        return reference.IsFolder
            ? new FolderModelSource(reference.Text, LoadFolder, TimeProvider.System)
            : new RegistryVersionModelSource(reference.OpenRegistry(location), reference.Text, LoadFolder, TimeProvider.System);
    }
}
