using System.Globalization;
using System.Text.RegularExpressions;
using Mlops.Testing.Observability;
using YamlDotNet.RepresentationModel;

namespace Mlops.Deploy.Tests.Kubernetes;

/// <summary>The pod a Deployment or Job runs: its labels, annotations, volumes and containers.</summary>
internal sealed record PodTemplate(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    YamlMappingNode Spec,
    IReadOnlyList<Container> InitContainers,
    IReadOnlyList<Container> Containers)
{
    public static PodTemplate Of(YamlMappingNode owner)
    {
        var template = owner.Mapping("spec").Mapping("template");
        var metadata = template.Mapping("metadata");
        var spec = template.Mapping("spec");
        return new PodTemplate(
            StringMap(metadata.Get("labels")),
            StringMap(metadata.Get("annotations")),
            spec,
            [.. spec.Sequence("initContainers").OfType<YamlMappingNode>().Select(Container.Parse)],
            [.. spec.Sequence("containers").OfType<YamlMappingNode>().Select(Container.Parse)]);
    }

    /// <summary>The volumes by name: what each is made from (persistentVolumeClaim, configMap, …) and its node.</summary>
    public IReadOnlyDictionary<string, (string Source, YamlMappingNode Node)> Volumes =>
        Spec.Sequence("volumes").OfType<YamlMappingNode>().ToDictionary(
            v => v.Scalar("name") ?? "",
            v => v.Children.Where(kv => kv.Key.ToString() != "name").Select(kv => (kv.Key.ToString(), (YamlMappingNode)kv.Value)).Single(),
            StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> StringMap(YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>One container of a pod template.</summary>
internal sealed partial record Container(
    string Name,
    string Image,
    IReadOnlyList<string> Command,
    IReadOnlyList<string> Args,
    IReadOnlyList<EnvironmentVariable> Environment,
    IReadOnlyDictionary<string, int> Ports,
    HttpProbe? Readiness,
    HttpProbe? Liveness,
    YamlMappingNode? Resources,
    IReadOnlyDictionary<string, string> Mounts)
{
    public static Container Parse(YamlMappingNode node) => new(
        node.Scalar("name") ?? "",
        node.Scalar("image") ?? "",
        [.. node.Scalars("command")],
        [.. node.Scalars("args")],
        [.. node.Sequence("env").OfType<YamlMappingNode>().Select(EnvironmentVariable.Parse)],
        node.Sequence("ports").OfType<YamlMappingNode>().ToDictionary(
            p => p.Scalar("name") ?? "",
            p => int.Parse(p.Scalar("containerPort") ?? "0", CultureInfo.InvariantCulture),
            StringComparer.Ordinal),
        HttpProbe.Parse(node.Get("readinessProbe")),
        HttpProbe.Parse(node.Get("livenessProbe")),
        node.Get("resources") as YamlMappingNode,
        node.Sequence("volumeMounts").OfType<YamlMappingNode>().ToDictionary(
            m => m.Scalar("name") ?? "", m => m.Scalar("mountPath") ?? "", StringComparer.Ordinal));

    /// <summary>The variables the arguments take as <c>$(NAME)</c>, which Kubernetes replaces with their values from <see cref="Environment"/>.</summary>
    public IReadOnlySet<string> ArgumentVariables =>
        Args.SelectMany(a => Expansion().Matches(a)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The variables that other variables' values take as <c>$(NAME)</c> (<c>MLOPS_REGISTRY=postgres:$(MLOPS_POSTGRES_CONNECTION)</c>),
    /// each with whether it is defined before the value that uses it: Kubernetes expands in order and leaves a later one as text.
    /// </summary>
    public IReadOnlyList<(string Name, bool DefinedBefore)> ValueVariables =>
        [.. Environment.SelectMany((v, i) => Expansion().Matches(v.Value ?? "")
            .Select(m => (m.Groups[1].Value, Environment.Take(i).Any(e => e.Name == m.Groups[1].Value))))];

    /// <summary>The arguments as the kubelet passes them: each <c>$(NAME)</c> replaced by the variable's value.</summary>
    public IEnumerable<string> ExpandedArgs(IReadOnlyDictionary<string, string> environment) =>
        Args.Select(a => Expand(a, environment));

    /// <summary><paramref name="text"/> with each <c>$(NAME)</c> replaced by the variable's value.</summary>
    public static string Expand(string text, IReadOnlyDictionary<string, string> environment) =>
        Expansion().Replace(text, m => environment[m.Groups[1].Value]);

    /// <summary>The value of option <paramref name="flag"/> in <see cref="Args"/>, or null.</summary>
    public string? Option(string flag)
    {
        var at = Args.ToList().IndexOf(flag);
        return at >= 0 && at + 1 < Args.Count ? Args[at + 1] : null;
    }

    /// <summary>The container port a probe or Service names (a port name or a number).</summary>
    public int Port(string nameOrNumber) =>
        int.TryParse(nameOrNumber, CultureInfo.InvariantCulture, out var number) ? number
            : Ports.TryGetValue(nameOrNumber, out var port) ? port
            : throw new InvalidDataException($"container {Name} has no port named {nameOrNumber}");

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Expansion();
}

/// <summary>An environment variable: a value, a key of a Secret, or a field of the pod (<c>status.podIP</c>).</summary>
internal sealed record EnvironmentVariable(string Name, string? Value, string? SecretName, string? SecretKey, string? FieldPath)
{
    public static EnvironmentVariable Parse(YamlMappingNode node)
    {
        var from = node.Get("valueFrom") as YamlMappingNode;
        var secret = from?.Get("secretKeyRef") as YamlMappingNode;
        var field = from?.Get("fieldRef") as YamlMappingNode;
        return new EnvironmentVariable(node.Scalar("name") ?? "", node.Scalar("value"), secret?.Scalar("name"), secret?.Scalar("key"), field?.Scalar("fieldPath"));
    }
}

/// <summary>An HTTP GET probe: its path and the port it names.</summary>
internal sealed record HttpProbe(string Path, string Port)
{
    public static HttpProbe? Parse(YamlNode? probe) =>
        (probe as YamlMappingNode)?.Get("httpGet") is YamlMappingNode get
            ? new HttpProbe(get.Scalar("path") ?? "", get.Scalar("port") ?? "")
            : null;
}
