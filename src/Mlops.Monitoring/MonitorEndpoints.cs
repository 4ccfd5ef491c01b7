using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Mlops.Core.Monitoring;
using Mlops.Hosting.Access;
using Mlops.Hosting.Input;
using Mlops.Monitoring.Ingestion;
using Mlops.Monitoring.Metrics;

namespace Mlops.Monitoring;

/// <summary>
/// The monitor's HTTP API (routes and answers are the wire contract, <see cref="MonitorRoutes"/>): the seed's <c>POST /iterate/{dataset}</c>, <c>GET /ping</c>, the status of
/// each dataset as JSON for dashboards, <c>GET /metrics</c> for Prometheus and the built-in dashboard
/// page <c>GET /dashboard</c>.
/// </summary>
public static class MonitorEndpoints
{
    /// <summary>Deep nesting is refused early: a row is one level inside the array.</summary>
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public static void Map(IEndpointRouteBuilder app, DriftMonitor monitor, MonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(options);

        app.MapGet(MonitorRoutes.Ping, () => Results.Ok(new MonitorPing("ok", "mlops monitor", [.. monitor.DatasetNames])));

        app.MapPost(MonitorRoutes.Iterate, async (string dataset, HttpContext context) =>
        {
            var target = monitor.Find(dataset);
            if (target is null)
            {
                return UnknownDataset(dataset, monitor);
            }

            // Kestrel refuses a longer body as it reads (413 through the input failure handler), Content-Length or not.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = options.MaxBodyBytes;
            }

            // Malformed JSON and a body too slow or cut short throw: the input failure handler answers 400/408.
            using var body = await JsonDocument.ParseAsync(context.Request.Body, DocumentOptions, context.RequestAborted);
            try
            {
                var rows = target.Parser.Parse(body.RootElement, options.MaxRowsPerRequest);
                var drift = target.Add(rows);
                var (window, _) = target.Snapshot();
                return Results.Ok(new RowsAccepted(rows.Count, window.Rows, window.RowsReceived, drift is not null, drift?.Report.DatasetDrift));
            }
            catch (BadRowException e)
            {
                return ServiceProblems.Result(e.Status, e.Kind, "Bad rows", e.Message);
            }
        })
            .RequireStateChangeAuthorization()
            .RequireJsonBody();

        app.MapGet(MonitorRoutes.Datasets, () => Results.Ok(monitor.Datasets.Select(d => d.Snapshot() is var s
            ? new DatasetSummary(d.Name, s.Window.Rows, s.Window.RowsReceived, s.Latest?.Report.DatasetDrift, s.Latest?.Report.Timestamp)
            : null)));

        app.MapGet(MonitorRoutes.Drift, (string dataset, int? history) =>
        {
            if (monitor.Find(dataset) is not { } target)
            {
                return UnknownDataset(dataset, monitor);
            }

            if (history is < 0)
            {
                return Results.Problem(title: "Bad query", detail: $"history must be ≥ 0, got {history}", statusCode: StatusCodes.Status400BadRequest);
            }

            // ?history=N keeps the last N reports, for dashboards that poll often.
            var status = target.Status() with { Realised = monitor.Realised.Find(dataset) };
            return Results.Ok(history is { } n ? status with { History = [.. status.History.TakeLast(n)] } : status);
        });

        // A replay closes a month here: the window's drift now, not when the period next comes round.
        app.MapPost(MonitorRoutes.CalculateDrift, (string dataset) =>
        {
            if (monitor.Find(dataset) is not { } target)
            {
                return UnknownDataset(dataset, monitor);
            }

            if (target.CalculateNow() is { } drift)
            {
                return Results.Ok(drift);
            }

            var (window, _) = target.Snapshot();
            return Results.Problem(
                title: "Window not full",
                detail: $"the window of '{dataset}' has {window.Rows} of {window.Size} rows; drift is computed on a full window",
                statusCode: StatusCodes.Status409Conflict);
        })
            .RequireStateChangeAuthorization()
            .RequireJsonBody();

        app.MapGet("/dashboard", () => Results.Bytes(DashboardPage.Html, "text/html; charset=utf-8"));

        app.MapGet("/metrics", () => Results.Text(DriftMetrics.Render(monitor), PrometheusTextWriter.ContentType));
    }

    private static IResult UnknownDataset(string dataset, DriftMonitor monitor) => Results.Problem(
        title: "Unknown dataset",
        detail: $"unknown dataset '{dataset}'; monitored: {string.Join(", ", monitor.DatasetNames)}",
        statusCode: StatusCodes.Status404NotFound);
}
