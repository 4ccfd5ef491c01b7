using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mlops.Core.Serialization;
using Mlops.Hosting;

namespace Mlops.Monitoring;

/// <summary>Builds the drift monitor web application; <c>mlops monitor</c> and the tests host it.</summary>
public static class MonitorApp
{
    /// <summary>Loads every reference (bad files or config throw <see cref="Mlops.Core.InvalidInputException"/>) and wires the endpoints.</summary>
    public static WebApplication Build(MonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hosts = options.Urls.Select(url => BindingAddress.Parse(url).Host).ToList();
        foreach (var host in hosts)
        {
            options.Access.CheckListening(host, "the drift monitor");
        }

        var monitor = new DriftMonitor(options.Config, options.Clock, options.Estimators);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(MonitorApp).Assembly.GetName().Name });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddProblemDetails();
        builder.Services.AddServiceHosting();
        builder.Services.Configure<JsonOptions>(o =>
        {
            var json = o.SerializerOptions;
            json.PropertyNamingPolicy = MlopsJson.Options.PropertyNamingPolicy;
            json.NumberHandling = MlopsJson.Options.NumberHandling;
            json.DefaultIgnoreCondition = MlopsJson.Options.DefaultIgnoreCondition;
            foreach (var converter in MlopsJson.Options.Converters)
            {
                json.Converters.Add(converter);
            }
        });
        builder.Services.AddSingleton(monitor);
        builder.Services.AddSingleton(options);
        builder.Services.AddHostedService<RecalculationService>();
        builder.Services.AddHostedService<RowSourceService>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseServiceAccess(hosts.Aggregate(options.Access, (access, host) => access.Listening(host)));
        MonitorEndpoints.Map(app, monitor, options);
        return app;
    }
}
