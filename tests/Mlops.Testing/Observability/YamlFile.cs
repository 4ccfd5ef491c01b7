using YamlDotNet.RepresentationModel;

namespace Mlops.Testing.Observability;

/// <summary>Reads a YAML file of <c>deploy/</c> as a node tree, with lookups that name what is missing.</summary>
public static class YamlFile
{
    public static YamlMappingNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new InvalidDataException($"{path}: expected one YAML document holding a mapping");
    }

    /// <summary>The value of <paramref name="key"/>, also from a merged mapping (<c>&lt;&lt;: *anchor</c>, as Compose files use).</summary>
    public static YamlNode? Get(this YamlMappingNode node, string key)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Children.TryGetValue(new YamlScalarNode(key), out var value))
        {
            return value;
        }

        return node.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) && merged is YamlMappingNode parent
            ? parent.Get(key)
            : null;
    }

    public static string? Scalar(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static YamlMappingNode Mapping(this YamlMappingNode node, string key) =>
        node.Get(key) as YamlMappingNode ?? throw new InvalidDataException($"'{key}' is not a mapping at {node.Start}");

    public static IEnumerable<YamlNode> Sequence(this YamlMappingNode node, string key) =>
        node.Get(key) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<string> Scalars(this YamlMappingNode node, string key) =>
        node.Sequence(key).OfType<YamlScalarNode>().Select(s => s.Value ?? "");
}
