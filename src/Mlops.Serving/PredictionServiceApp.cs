using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mlops.Core.Monitoring;
using Mlops.Hosting;
using Mlops.Serving.Endpoints;
using Mlops.Serving.Fallback;
using Mlops.Serving.Logging;
using Mlops.Serving.Metrics;
using Mlops.Serving.Models;
using Mlops.Serving.Monitoring;
using Prometheus;
using Scalar.AspNetCore;

namespace Mlops.Serving;

/// <summary>
/// Builds the prediction service: Kestrel, minimal APIs, the fallback, Prometheus metrics, the
/// prediction log and monitor forwarding (both as hosted services that drain on shutdown), model
/// hot reload, the OpenAPI document with its interactive reference, and the client page.
/// </summary>
public static class PredictionServiceApp
{
    public static WebApplication Build(ServingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var listen = Listener(options.Host, options.Port);
        options.Access.CheckListening(options.Host, "the prediction service");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PredictionServiceApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConfigureLogging(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            listen(kestrel);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                context.ProblemDetails.Detail = "send the request body as JSON with Content-Type: application/json";
            }
        });
        builder.Services.AddServiceHosting();
        builder.Services.AddOpenApi(openApi => openApi
            .AddDocumentTransformer((document, context, _) =>
            {
                var problem = context.ApplicationServices.GetRequiredService<ModelHolder>().Current.Problem;
                document.Info.Title = "mlops prediction service";
                document.Info.Description = $"The model of the problem '{problem.Name}' behind a REST API, with the problem's rule-based fallback. {problem.Description}".TrimEnd();
                return Task.CompletedTask;
            })
            .AddSchemaTransformer<ProblemApiSchemas>());
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
            (options.CorsOrigins.Contains(ServingOptions.AnyOrigin) ? policy.AllowAnyOrigin() : policy.WithOrigins([.. options.CorsOrigins]))
                .WithMethods("GET", "POST").WithHeaders("Content-Type").WithExposedHeaders(AnswerJson.PredictionIdHeader)));

        // The parts are built here, not resolved per request: the request path uses them directly.
        var initial = options.InitialModel ?? options.ModelSource.Load();
        var metrics = new ServingMetrics(initial.Problem.Label.AnswerName);
        var holder = new ModelHolder(initial);
        metrics.Serving(initial, previous: null);
        var policy = new FallbackPolicy(options.MinCertainty);
        builder.Services.AddSingleton(metrics);
        builder.Services.AddSingleton(holder);
        builder.Services.AddSingleton(options.Time);
        builder.Services.AddSingleton(options.ModelSource);
        builder.Services.AddHostedService(sp => new ModelReloader(
            options.ModelSource, holder, metrics, sp.GetRequiredService<ILogger<ModelReloader>>(), options.Time, options.ReloadInterval));

        PredictionLogWriter? log = null;
        if (options.PredictionLog is not null)
        {
            builder.Services.AddSingleton(sp => new PredictionLogWriter(
                options.PredictionLog, metrics, sp.GetRequiredService<ILogger<PredictionLogWriter>>(), options.PredictionLogCapacity,
                durability: options.PredictionLogDurability, commitTimeout: options.PredictionLogCommitTimeout));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<PredictionLogWriter>());
            if (options.LogRetention is { } retention)
            {
                builder.Services.AddHostedService(sp => new Retention.LogRetentionService(
                    retention, options.PredictionLog, options.Time, sp.GetRequiredService<ILogger<Retention.LogRetentionService>>()));
            }
        }

        MonitorForwarder? monitor = null;
        if (options.MonitorUrl is not null)
        {
            // The problem is fixed for the service's life (a reload to another problem is refused), and so are its rows.
            builder.Services.AddSingleton(sp => new MonitorForwarder(
                options.MonitorUrl, options.MonitorDataset ?? initial.Problem.Name, new MonitorRowJson(initial.Problem), metrics,
                sp.GetRequiredService<ILogger<MonitorForwarder>>(), options.MonitorBatchRows, options.MonitorFlushInterval,
                token: options.MonitorToken ?? options.Access.Token));
            builder.Services.AddHostedService(sp => sp.GetRequiredService<MonitorForwarder>());
        }

        var app = builder.Build();
        log = app.Services.GetService<PredictionLogWriter>();
        monitor = app.Services.GetService<MonitorForwarder>();
        var service = new PredictionService(holder, policy, metrics, log, monitor, options.Time);
        app.UseExceptionHandler();
        // Empty error answers of the framework (404, 405, 415 for a body that is not JSON) get problem details too.
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseCors();
        app.UseServiceAccess(options.Access.Listening(options.Host));
        app.UseHttpMetrics(http =>
        {
            http.SetMetricFactory(Prometheus.Metrics.WithCustomRegistry(metrics.Registry));

            // Requests and latency per endpoint are what the dashboard shows; the in-progress gauge is not worth its cost per request.
            http.InProgress.Enabled = false;
        });

        PredictEndpoints.Map(app, service, metrics, options);
        ServiceEndpoints.Map(app, service, metrics, log, monitor);
        if (options.PredictionLog is not null)
        {
            LabelEndpoints.Map(app, options.PredictionLog, options, initial.Problem);
        }

        app.MapMetrics("/metrics", metrics.Registry);
        app.MapOpenApi();
        // Everything from this server: no web fonts from a CDN.
        app.MapScalarApiReference(scalar => scalar.WithTitle("mlops prediction service").DisableDefaultFonts());
        return app;
    }

    /// <summary>Where Kestrel listens; a host that is not localhost, * or an IP address is a user error at once.</summary>
    private static Action<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions> Listener(string host, int port)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return kestrel => kestrel.ListenLocalhost(port);
        }

        if (host is "*" or "0.0.0.0" or "::" or "+")
        {
            return kestrel => kestrel.ListenAnyIP(port);
        }

        return IPAddress.TryParse(host, out var address)
            ? kestrel => kestrel.Listen(address, port)
            : throw new Core.InvalidInputException($"--host {Core.Excerpt.Quote(host)} is not localhost, * or an IP address");
    }

    /// <summary>One line per event, and only what an operator needs: the service's own news and real problems.</summary>
    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
            console.UseUtcTimestamp = true;
        });
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);

        // The host would log a start failure (a port in use) with its stack trace; `mlops serve` reports it in one line.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    }
}
