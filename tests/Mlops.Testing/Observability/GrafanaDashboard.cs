using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mlops.Testing.Observability;

/// <summary>
/// A Grafana dashboard JSON file read the way Grafana reads it: its identity (uid, title, the URL
/// slug), its panels (rows flattened, collapsed rows' panels included) with their PromQL targets,
/// and its template variables. Missing required members fail with the member named.
/// </summary>
public sealed partial class GrafanaDashboard
{
    private GrafanaDashboard(string uid, string title, IReadOnlyList<GrafanaPanel> panels, IReadOnlyList<GrafanaVariable> variables)
    {
        Uid = uid;
        Title = title;
        Panels = panels;
        Variables = variables;
    }

    public string Uid { get; }

    public string Title { get; }

    /// <summary>Grafana's URL slug of the title: <c>/d/{uid}/{slug}</c>.</summary>
    public string Slug => NonAlphanumeric().Replace(Title.ToLowerInvariant(), "-").Trim('-');

    /// <summary>Every panel but the row headers.</summary>
    public IReadOnlyList<GrafanaPanel> Panels { get; }

    public IReadOnlyList<GrafanaVariable> Variables { get; }

    /// <summary>Every PromQL expression: the panels' targets and the query variables' queries.</summary>
    public IEnumerable<string> Expressions =>
        Panels.SelectMany(p => p.Targets).Select(t => t.Expression).Concat(Variables.Select(v => v.Query));

    public static GrafanaDashboard Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path}: not a JSON object");
        var panels = new List<GrafanaPanel>();
        foreach (var node in Array(root, "panels", path))
        {
            var panel = Object(node, "panel", path);
            if ((string?)panel["type"] == "row")
            {
                // A collapsed row keeps its panels inside itself.
                panels.AddRange(Array(panel, "panels", path).Select(p => GrafanaPanel.From(Object(p, "panel", path), path)));
            }
            else
            {
                panels.Add(GrafanaPanel.From(panel, path));
            }
        }

        var variables = root["templating"]?["list"] is JsonArray list
            ? list.Select(v => GrafanaVariable.From(Object(v, "template variable", path))).ToList()
            : [];
        return new GrafanaDashboard(Required(root, "uid", path), Required(root, "title", path), panels, variables);
    }

    internal static string Required(JsonObject node, string member, string path) =>
        node[member] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new InvalidDataException($"{path}: '{member}' missing or empty in {node.GetPath()}");

    internal static JsonObject Object(JsonNode? node, string what, string path) =>
        node as JsonObject ?? throw new InvalidDataException($"{path}: a {what} is not a JSON object");

    internal static IEnumerable<JsonNode?> Array(JsonObject node, string member, string path) =>
        node[member] as JsonArray ?? throw new InvalidDataException($"{path}: '{member}' is not an array in {node.GetPath()}");

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonAlphanumeric();
}
