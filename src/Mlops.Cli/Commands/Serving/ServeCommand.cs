using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Mlops.Cli.Infrastructure;
using Mlops.Core.PredictionLog;
using Mlops.Core.Registry;
using Mlops.Hosting.Access;
using Mlops.Serving;
using Mlops.Serving.Fallback;
using Mlops.Serving.Logging;
using Mlops.Serving.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Serving;

/// <summary>
/// <c>mlops serve</c>: phase III of the talk. The model behind a REST API, with the rule-based fallback,
/// Prometheus metrics, the prediction log and hot reload of the registry's production model.
/// Ctrl-C stops it cleanly: requests in flight are answered and the prediction log is drained.
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : ServiceAccessSettings
    {
        [CommandOption("-p|--port <PORT>")]
        [Description("TCP port (the seed's service used 8080).")]
        [DefaultValue(8080)]
        public int Port { get; init; } = 8080;

        [CommandOption("--host <HOST>")]
        [Description("localhost (default), * for every interface (containers), or an IP address; a network address needs a token, or --insecure.")]
        [DefaultValue("localhost")]
        public string Host { get; init; } = "localhost";

        [CommandOption("-m|--model <VERSION|DIR>")]
        [Description("Serve this model folder or registry version instead of the registry's production model (no hot reload then).")]
        public string? Model { get; init; }

        [CommandOption("--problem <NAME>")]
        [Description("Follow this problem's production model (each problem has its own) in the registry ($MLOPS_REGISTRY, else the one in $MLOPS_HOME); default: the registry's only problem. Not with --model.")]
        public string? Problem { get; init; }

        [CommandOption("--monitor <URL>")]
        [Description("Forward every answered input with its prediction to the drift monitor at URL (POST URL/iterate/PROBLEM, the served problem's name: insurance for the talk's), in batches, with the token if one is set.")]
        public string? Monitor { get; init; }

        [CommandOption("--monitor-token-file <FILE>")]
        [Description("The monitor's token, when it is not this service's own (--token-file or $MLOPS_TOKEN).")]
        public string? MonitorTokenFile { get; init; }

        [CommandOption("--prediction-log <TARGET>")]
        [Description("sqlite:PATH or postgres:CONNECTION-STRING; default sqlite:$MLOPS_HOME/predictions.db.")]
        public string? PredictionLog { get; init; }

        [CommandOption("--log-durability <MODE>")]
        [Description("durable (default): an answer is sent only after its row is committed to the prediction log (concurrent requests share a commit); a log that cannot commit in time gets 503, never an unrecorded 200. buffered: answers at once and writes in the background; a crash loses the queued rows, an unavailable log drops rows (counted).")]
        [DefaultValue("durable")]
        public string LogDurability { get; init; } = "durable";

        [CommandOption("--log-commit-timeout <SECONDS>")]
        [Description("durable: how long an answer waits for its commit before the request gets 503; either mode: a write running longer makes /health say failing.")]
        [DefaultValue(2.0)]
        public double LogCommitTimeout { get; init; } = 2.0;

        [CommandOption("--log-synchronous <LEVEL>")]
        [Description("SQLite log: normal (default) survives a crash of the process; full syncs every commit to the disk and survives a power loss too, slower.")]
        [DefaultValue("normal")]
        public string LogSynchronous { get; init; } = "normal";

        [CommandOption("--log-retention <DURATION>")]
        [Description("Keep this much of the prediction log (e.g. 30d, 12h): older rows are exported with their labels to --log-archive as Parquet, then pruned, every --log-retention-every. Only exported rows are pruned; a row whose label arrived after its export waits for the next export. Default: keep everything.")]
        public string? LogRetention { get; init; }

        [CommandOption("--log-archive <DIR>")]
        [Description("Folder for the Parquet files of --log-retention.")]
        public string? LogArchive { get; init; }

        [CommandOption("--log-retention-every <DURATION>")]
        [Description("How often --log-retention exports and prunes (e.g. 1h, 10m).")]
        [DefaultValue("1h")]
        public string LogRetentionEvery { get; init; } = "1h";

        [CommandOption("--min-certainty <P>")]
        [Description("Answers whose top probability is below P come from the baseline (the talk: 0.5).")]
        [DefaultValue(FallbackPolicy.DefaultMinCertainty)]
        public double MinCertainty { get; init; } = FallbackPolicy.DefaultMinCertainty;

        [CommandOption("--cors-origin <ORIGIN>")]
        [Description("A web origin allowed to call the API (repeatable); default the seed's client page, http://localhost:8000. '*' lets any page call it (the seed's flask_cors default; a warning at start), 'null' a page opened as a file.")]
        public string[] CorsOrigins { get; init; } = [];

        [CommandOption("--max-batch <ROWS>")]
        [Description("Most rows accepted by POST /predict/batch.")]
        [DefaultValue(1000)]
        public int MaxBatch { get; init; } = 1000;

        public override ValidationResult Validate()
        {
            if (Port is < 0 or > 65535)
            {
                return ValidationResult.Error($"--port must be between 0 and 65535, got {Port}");
            }

            if (Problem is not null && Model is not null)
            {
                return ValidationResult.Error("--problem follows a problem's production model; --model serves one model: give one of them");
            }

            if (!(MinCertainty is >= 0 and <= 1))
            {
                return ValidationResult.Error($"--min-certainty is a probability between 0 and 1, got {MinCertainty}");
            }

            if (MaxBatch is < 1 or > 100_000)
            {
                return ValidationResult.Error($"--max-batch must be between 1 and 100000, got {MaxBatch}");
            }

            if (PredictionLogDurabilities.Parse(LogDurability) is null)
            {
                return ValidationResult.Error($"--log-durability must be durable or buffered, got '{LogDurability}'");
            }

            if (!(LogCommitTimeout is > 0 and <= 300))
            {
                return ValidationResult.Error($"--log-commit-timeout must be between 0 and 300 seconds, got {LogCommitTimeout}");
            }

            if (LogSynchronous is not ("normal" or "full"))
            {
                return ValidationResult.Error($"--log-synchronous must be normal or full, got '{LogSynchronous}'");
            }

            if (LogRetention is not null && Core.PredictionLog.LogRetention.ParseDuration(LogRetention) is null)
            {
                return ValidationResult.Error($"--log-retention must be a duration such as 30d, 12h, 15m or 10s, got '{LogRetention}'");
            }

            if (Core.PredictionLog.LogRetention.ParseDuration(LogRetentionEvery) is null)
            {
                return ValidationResult.Error($"--log-retention-every must be a duration such as 1h or 10m, got '{LogRetentionEvery}'");
            }

            if ((LogRetention is null) != (LogArchive is null))
            {
                return ValidationResult.Error("--log-retention and --log-archive go together: how long to keep, and where the exported rows go");
            }

            if (Monitor is not null && !IsHttpUrl(Monitor))
            {
                return ValidationResult.Error($"--monitor '{Monitor}' is not an http(s) URL, e.g. http://localhost:8085");
            }

            var badOrigin = CorsOrigins.FirstOrDefault(o => !IsHttpUrl(o) && o is not (ServingOptions.AnyOrigin or ServingOptions.NullOrigin));
            return badOrigin is null
                ? ValidationResult.Success()
                : ValidationResult.Error($"--cors-origin '{badOrigin}' is not an origin like http://localhost:8000 (or '*' for any, 'null' for a page opened as a file)");
        }

        private static bool IsHttpUrl(string text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var home = RegistryHome.Resolve();
        var target = settings.PredictionLog is null ? PredictionLogTarget.DefaultIn(home) : PredictionLogTarget.Parse(settings.PredictionLog);
        var source = ServingModels.Source(settings.Model, settings.Problem, RegistryLocation.Resolve());
        var access = settings.Access();
        var monitorToken = settings.MonitorTokenFile is null ? null : ApiToken.FromFile(settings.MonitorTokenFile);
        // Loaded before the log opens: the log's table has the served problem's columns.
        var initial = source.Load();
        var log = await target.OpenAsync(PredictionLogColumns.For(initial.Problem), syncEveryCommit: settings.LogSynchronous == "full", cancellationToken);
        WebApplication app;
        try
        {
            app = PredictionServiceApp.Build(new ServingOptions
            {
                ModelSource = source,
                InitialModel = initial,
                Host = settings.Host,
                Port = settings.Port,
                MinCertainty = settings.MinCertainty,
                PredictionLog = log,
                PredictionLogDurability = PredictionLogDurabilities.Parse(settings.LogDurability)!.Value,
                PredictionLogCommitTimeout = TimeSpan.FromSeconds(settings.LogCommitTimeout),
                MonitorUrl = settings.Monitor is null ? null : new Uri(settings.Monitor),
                CorsOrigins = settings.CorsOrigins.Length > 0 ? settings.CorsOrigins : ServingOptions.DefaultCorsOrigins,
                MaxBatchRows = settings.MaxBatch,
                Access = access,
                MonitorToken = monitorToken,
                LogRetention = settings.LogRetention is null
                    ? null
                    : new LogRetention(
                        Core.PredictionLog.LogRetention.ParseDuration(settings.LogRetention)!.Value,
                        Path.GetFullPath(settings.LogArchive!),
                        Core.PredictionLog.LogRetention.ParseDuration(settings.LogRetentionEvery)!.Value),
            });
        }
        catch
        {
            await log.DisposeAsync();
            throw;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException e) when (e.InnerException is AddressInUseException)
            {
                throw new PortInUseException($"port {settings.Port} is in use on {settings.Host}: stop the other service or choose another --port", e);
            }

            WriteStarted(app, target, settings, access);
            if (settings.CorsOrigins.Contains(ServingOptions.AnyOrigin))
            {
                await Console.Error.WriteLineAsync("mlops serve: warning: --cors-origin '*' lets every web page call this service from its visitors' browsers (the seed's flask_cors default); name the client's origin instead where you can");
            }

            await app.WaitForShutdownAsync(cancellationToken);
        }

        Console.Out.WriteLine("mlops serve: stopped");
        return ExitCodes.Success;
    }

    private static void WriteStarted(WebApplication app, PredictionLogTarget target, Settings settings, AccessPolicy access)
    {
        var served = app.Services.GetService(typeof(ModelHolder)) is ModelHolder holder ? holder.Current : null;
        var url = app.Urls.FirstOrDefault() ?? $"http://{settings.Host}:{settings.Port}";
        AnsiConsole.MarkupLineInterpolated($"[green]mlops serve[/]: listening on [bold]{string.Join(", ", app.Urls)}[/]");
        if (served is { IsBaselineOnly: true })
        {
            AnsiConsole.MarkupLineInterpolated($"  model    [yellow]{served.Origin}[/]: the baseline rules answer every request");
        }
        else if (served is not null)
        {
            AnsiConsole.MarkupLineInterpolated($"  model    [bold]{served.Version}[/] ({served.Trainer}, {served.Origin})");
        }

        AnsiConsole.MarkupLineInterpolated($"  log      {target} ({settings.LogDurability})");
        AnsiConsole.MarkupLineInterpolated($"  monitor  {settings.Monitor ?? "off"}");
        AnsiConsole.MarkupLineInterpolated($"  access   {(access.Token is { } token ? $"state changes need the {token}" : "no token: state changes from this machine only")}");
        AnsiConsole.MarkupLineInterpolated($"  client   {url}/");
        AnsiConsole.MarkupLineInterpolated($"  API      {url}/scalar   metrics {url}/metrics   health {url}/health");
        Console.Out.Flush();
    }
}
