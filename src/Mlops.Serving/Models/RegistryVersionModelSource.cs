using Mlops.Core.Registry;

namespace Mlops.Serving.Models;

/// <summary>Serves one registry version, whatever its stage (<c>mlops serve --model v3</c>); it never changes.</summary>
public sealed class RegistryVersionModelSource(ModelRegistry registry, string version, ModelFolderLoader load, TimeProvider time) : IModelSource
{
    public string Description => $"version {version} of the registry {registry.Home}";

    public long Revision() => 0;

    public ServedModel Load()
    {
        var artifact = registry.Load(version);
        var loaded = load(artifact.Path);
        return ServedModel.Trained(loaded.Classifier, loaded.Card, artifact.Model.Version, $"registry version {artifact.Model.Version}", 0, time.GetUtcNow());
    }
}
