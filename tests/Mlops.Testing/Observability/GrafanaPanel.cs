using System.Text.Json.Nodes;

namespace Mlops.Testing.Observability;

/// <summary>A panel of a Grafana dashboard: where it sits, what it queries, from which data source.</summary>
public sealed record GrafanaPanel(
    int Id,
    string Type,
    string Title,
    string? DatasourceUid,
    GridPosition Position,
    IReadOnlyList<GrafanaTarget> Targets)
{
    internal static GrafanaPanel From(JsonObject panel, string path)
    {
        var title = GrafanaDashboard.Required(panel, "title", path);
        var grid = panel["gridPos"] as JsonObject ?? throw new InvalidDataException($"{path}: panel '{title}' has no gridPos");
        var targets = panel["targets"] is JsonArray list
            ? list.Select(t => GrafanaTarget.From(GrafanaDashboard.Object(t, "target", path), title, path)).ToList()
            : [];
        return new GrafanaPanel(
            (int?)panel["id"] ?? throw new InvalidDataException($"{path}: panel '{title}' has no id"),
            GrafanaDashboard.Required(panel, "type", path),
            title,
            (string?)panel["datasource"]?["uid"],
            new GridPosition((int?)grid["x"] ?? 0, (int?)grid["y"] ?? 0, (int?)grid["w"] ?? 0, (int?)grid["h"] ?? 0),
            targets);
    }
}
