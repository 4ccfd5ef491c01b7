using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Mlops.Core.Serialization;
using Mlops.Serving.Logging;
using Mlops.Serving.Metrics;
using Mlops.Serving.Monitoring;

namespace Mlops.Serving.Endpoints;

/// <summary><c>/ping</c>, <c>/health</c>, <c>/model</c> and the client page.</summary>
internal static class ServiceEndpoints
{
    public static void Map(IEndpointRouteBuilder app, PredictionService service, ServingMetrics metrics, PredictionLogWriter? log, MonitorForwarder? monitor)
    {
        app.MapGet("/ping", () => "pong")
            .WithSummary("Liveness: pong")
            .WithTags("service");

        app.MapGet("/health", () => Results.Json(Health(service, metrics, log, monitor), MlopsJson.Compact))
            .WithSummary("Health")
            .WithDescription("The served model and since when, the fallback rate over the last answers, and the prediction log's state.")
            .Produces<HealthReport>()
            .WithTags("service");

        app.MapGet("/model", () =>
            {
                var served = service.Models.Current;
                var ranges = served.Card?.FeatureRanges.Select(r => new FeatureRangeReport(r.Key, r.Value.Min, r.Value.Max)).ToArray() ?? [];
                return Results.Json(new ModelReport(served.Version, served.Origin, served.Trainer, served.Since, service.Policy.MinCertainty, ranges, served.Problem), MlopsJson.Compact);
            })
            .WithSummary("Served model")
            .WithDescription("The served model, the feature ranges it was trained on (inputs outside go to the fallback) and its problem (features with kind, bounds and categories; classes): what the client page builds its form from.")
            .Produces<ModelReport>()
            .WithTags("service");

        var page = ClientPage.Html;
        IResult Page() => Results.Bytes(page, "text/html; charset=utf-8");
        app.MapGet("/", Page).ExcludeFromDescription();
        app.MapGet("/client.html", Page).ExcludeFromDescription();
    }

    private static HealthReport Health(PredictionService service, ServingMetrics metrics, PredictionLogWriter? log, MonitorForwarder? monitor)
    {
        var served = service.Models.Current;
        var logHealth = log is null
            ? new PredictionLogHealth("off", "off", 0, 0, 0, null, "off", 0)
            : new PredictionLogHealth(
                log.Description, log.LastError is null ? "ok" : "failing", log.QueueLength, log.Written, log.Dropped, log.LastError, log.Durability.Label(), log.Unrecorded);
        var failing = logHealth.State == "failing";
        return new HealthReport(
            Status: failing ? "failing" : "ok",
            Reason: failing ? $"prediction log {logHealth.Target}: {logHealth.LastError}" : null,
            ModelVersion: served.Version,
            ModelSource: served.Origin,
            Trainer: served.Trainer,
            Since: served.Since,
            ServingBaselineOnly: served.IsBaselineOnly,
            FallbackRate: metrics.FallbackWindow.Rate,
            FallbackWindow: metrics.FallbackWindow.Count,
            MinCertainty: service.Policy.MinCertainty,
            ModelReloads: metrics.ModelReloads,
            PredictionLog: logHealth,
            Monitor: monitor is null ? null : new MonitorHealth(monitor.Endpoint.ToString(), monitor.QueueLength));
    }
}
