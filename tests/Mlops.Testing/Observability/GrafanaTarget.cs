using System.Text.Json.Nodes;

namespace Mlops.Testing.Observability;

/// <summary>One query of a panel: a PromQL expression.</summary>
public sealed record GrafanaTarget(string RefId, string Expression, string? DatasourceUid)
{
    internal static GrafanaTarget From(JsonObject target, string panelTitle, string path) =>
        new(
            (string?)target["refId"] ?? throw new InvalidDataException($"{path}: a target of '{panelTitle}' has no refId"),
            (string?)target["expr"] ?? throw new InvalidDataException($"{path}: a target of '{panelTitle}' has no expr"),
            (string?)target["datasource"]?["uid"]);
}
