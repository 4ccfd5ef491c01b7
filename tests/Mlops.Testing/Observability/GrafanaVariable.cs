using System.Text.Json.Nodes;

namespace Mlops.Testing.Observability;

/// <summary>A template variable; for a query variable its PromQL (or Grafana <c>label_values</c>) query.</summary>
public sealed record GrafanaVariable(string Name, string Type, string Query, string? DatasourceUid)
{
    internal static GrafanaVariable From(JsonObject variable)
    {
        // Grafana writes a Prometheus variable's query as an object today and as a string before v10.
        var query = variable["query"] switch
        {
            JsonObject editor => (string?)editor["query"],
            JsonValue text => (string?)text,
            _ => null,
        };
        return new GrafanaVariable(
            (string?)variable["name"] ?? "",
            (string?)variable["type"] ?? "",
            query ?? "",
            (string?)variable["datasource"]?["uid"]);
    }
}
