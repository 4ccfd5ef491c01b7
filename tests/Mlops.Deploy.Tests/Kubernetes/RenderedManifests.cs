using Mlops.Testing.Observability;
using YamlDotNet.RepresentationModel;

namespace Mlops.Deploy.Tests.Kubernetes;

/// <summary>The Kubernetes objects a kustomization renders to, as YAML mappings.</summary>
internal sealed class RenderedManifests(IReadOnlyList<YamlMappingNode> objects)
{
    public IReadOnlyList<YamlMappingNode> Objects { get; } = objects;

    public IEnumerable<string> Kinds => Objects.Select(Kind);

    public static RenderedManifests Parse(string yaml)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(yaml))
        {
            stream.Load(reader);
        }

        return new RenderedManifests([.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()]);
    }

    public static string Kind(YamlMappingNode node) => node.Scalar("kind") ?? "";

    /// <summary>The name as rendered, with a generator's hash suffix if it has one.</summary>
    public static string Name(YamlMappingNode node) => node.Mapping("metadata").Scalar("name") ?? "";

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(o => Kind(o) == kind);

    public YamlMappingNode Single(string kind, string name)
    {
        var found = OfKind(kind).Where(o => Name(o) == name).ToList();
        return found.Count == 1 ? found[0] : throw new InvalidDataException($"expected one {kind} named {name}, found {found.Count}");
    }

    /// <summary>The object a generator made from <paramref name="name"/> (its rendered name is name-HASH).</summary>
    public YamlMappingNode Generated(string kind, string name) =>
        OfKind(kind).Single(o => Name(o).StartsWith(name + "-", StringComparison.Ordinal));

    /// <summary>The Deployments and Jobs with the pods they run.</summary>
    public IEnumerable<(YamlMappingNode Owner, PodTemplate Pod)> Pods() =>
        Objects.Where(o => Kind(o) is "Deployment" or "Job").Select(o => (o, PodTemplate.Of(o)));
}
