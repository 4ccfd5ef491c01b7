using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mlops.Cli.Commands.Analysis;
using Mlops.Cli.Infrastructure;
using Mlops.Core.PredictionLog;
using Mlops.Monitoring;
using Mlops.Monitoring.Configuration;
using Mlops.Monitoring.Ingestion;
using Mlops.Monitoring.Performance;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Monitoring;

/// <summary>
/// <c>mlops monitor</c>: the drift monitor service of the talk (Evidently's monitoring service, natively):
/// takes production rows on <c>POST /iterate/{dataset}</c>, compares a sliding window with the
/// reference and exports the metrics the seed's Grafana dashboard reads on <c>GET /metrics</c>.
/// With <c>--prediction-log</c> it also follows the serving prediction log, for a service started
/// without <c>--monitor</c>.
/// </summary>
public sealed class MonitorCommand : AsyncCommand<MonitorCommand.Settings>
{
    public sealed class Settings : ServiceAccessSettings
    {
        [CommandOption("-p|--port <PORT>")]
        [Description("Port to listen on (the seed's monitor used 8085).")]
        [DefaultValue(MonitorOptions.DefaultPort)]
        public int Port { get; init; } = MonitorOptions.DefaultPort;

        [CommandOption("--host <HOST>")]
        [Description("Address to listen on; 0.0.0.0 to be reachable from other machines or containers (needs a token, or --insecure).")]
        [DefaultValue("localhost")]
        public string Host { get; init; } = "localhost";

        [CommandOption("--config <FILE>")]
        [Description("Monitor configuration (JSON, see config/monitor.json): datasets, references, column mappings, tests.")]
        public string? Config { get; init; }

        [CommandOption("-r|--reference <FILE>")]
        [Description("Reference data of dataset 'insurance' (the insurance column mapping); replaces that dataset's reference in --config.")]
        public string? Reference { get; init; }

        [CommandOption("--window <ROWS>")]
        [Description("Rows in the sliding window compared with the reference (default 1500, or the config's).")]
        public int? Window { get; init; }

        [CommandOption("--interval <SECONDS>")]
        [Description("Recompute drift at most this often (default 10, or the config's); a whole new window is always computed.")]
        public double? Interval { get; init; }

        [CommandOption("--prediction-log <TARGET>")]
        [Description("Also follow the serving prediction log (sqlite:PATH or postgres:CONNECTION-STRING): rows appended to it go into --dataset's window.")]
        public string? PredictionLog { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("The dataset the prediction log's rows go to.")]
        [DefaultValue(MonitorConfig.InsuranceDataset)]
        public string Dataset { get; init; } = MonitorConfig.InsuranceDataset;

        [CommandOption("-m|--model <MODEL>")]
        [Description("Estimate the accuracy of this model (a folder or a registry version: vN, hash prefix, production) on each window of --dataset without labels (CBPE, mlops_performance_estimated), calibrated on the dataset's labeled reference as analyze and performance do.")]
        public string? Model { get; init; }

        public override ValidationResult Validate()
        {
            if (Config is null && Reference is null)
            {
                return ValidationResult.Error("give --reference FILE (dataset 'insurance') or --config FILE");
            }

            return Port is < 1 or > 65535 ? ValidationResult.Error($"--port must be between 1 and 65535, got {Port}") : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = settings.Config is null ? new MonitorConfig() : MonitorConfig.Load(settings.Config);
        if (settings.Reference is not null)
        {
            config = config.WithInsuranceReference(settings.Reference);
        }

        config = config with
        {
            WindowSize = settings.Window ?? config.WindowSize,
            CalculationPeriodSeconds = settings.Interval ?? config.CalculationPeriodSeconds,
        };
        config.Validate(settings.Config ?? "options");

        var url = $"http://{settings.Host}:{settings.Port}";
        var access = settings.Access();
        await using var follower = await FollowerAsync(settings, config, cancellationToken);
        var estimators = Estimators(settings, config);
        await using var app = MonitorApp.Build(new MonitorOptions
        {
            Config = config,
            Urls = [url],
            RowSources = follower is null ? [] : [follower.Source, follower.Labels],
            Access = access,
            Estimators = estimators,
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new UsageException($"cannot listen on {url}: {e.Message}", e);
        }

        // Plain lines, not console markup: this goes to service logs, and tests wait for it.
        Console.WriteLine($"mlops monitor listening on {url} (datasets: {string.Join(", ", config.Datasets.Keys)}; window {config.WindowSize} rows; recompute at most every {config.CalculationPeriodSeconds:0.##} s)");
        if (follower is not null)
        {
            Console.WriteLine($"following the prediction log {follower.Target} into dataset {settings.Dataset}, and its labels");
        }

        foreach (var (dataset, estimator) in estimators)
        {
            Console.WriteLine($"estimating the accuracy of {estimator.Model.Label} on each window of {dataset}; calibrated on {estimator.Calibration.CalibrationData}");
        }

        Console.WriteLine(access.Token is { } token
            ? $"state changes (POST /iterate, drift/calculate) need the {token}"
            : "no token: state changes (POST /iterate, drift/calculate) from this machine only");
        Console.WriteLine($"POST {url}/iterate/<dataset>, GET {url}/metrics, GET {url}/datasets/<dataset>/drift, dashboard {url}/dashboard; Ctrl-C stops");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>The prediction log follower, when asked for: the opened log (closed on dispose) and the source reading it.</summary>
    private static async Task<LogFollower?> FollowerAsync(Settings settings, MonitorConfig config, CancellationToken cancellationToken)
    {
        if (settings.PredictionLog is null)
        {
            return null;
        }

        if (!config.Datasets.ContainsKey(settings.Dataset))
        {
            throw new UsageException($"--dataset '{settings.Dataset}' is not monitored; monitored: {string.Join(", ", config.Datasets.Keys)}");
        }

        var target = PredictionLogTarget.Parse(settings.PredictionLog);
        var log = await target.OpenAsync(cancellationToken: cancellationToken);
        var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        return new LogFollower(
            target,
            log,
            logging,
            new PredictionLogRowSource(log, settings.Dataset, logging.CreateLogger<PredictionLogRowSource>()),
            new LabelFollower(log, settings.Dataset, logging.CreateLogger<LabelFollower>()));
    }

    /// <summary>The estimate of --model on --dataset, calibrated on that dataset's reference (which must hold labels).</summary>
    private static Dictionary<string, RecordEstimator> Estimators(Settings settings, MonitorConfig config)
    {
        if (settings.Model is null)
        {
            return [];
        }

        var reference = config.Datasets.TryGetValue(settings.Dataset, out var dataset)
            ? dataset.Reference!
            : throw new UsageException($"--dataset '{settings.Dataset}' is not monitored; monitored: {string.Join(", ", config.Datasets.Keys)}");
        var (model, _) = AnalyzedModelSource.Resolve(settings.Model);
        if (model is null)
        {
            throw new UsageException("--model: no such model and no production model in the registry");
        }

        // Any problem: the dataset's reference is read through the model's problem (its card embeds it).
        var notes = new List<string>();
        var estimator = RecordEstimator.Calibrate(model, reference, notes)
            ?? throw new UsageException($"--model: {string.Join("; ", notes)}");
        return new Dictionary<string, RecordEstimator>(StringComparer.Ordinal) { [settings.Dataset] = estimator };
    }

    private sealed record LogFollower(PredictionLogTarget Target, IPredictionLog Log, ILoggerFactory Logging, PredictionLogRowSource Source, LabelFollower Labels) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Log.DisposeAsync();
            Logging.Dispose();
        }
    }
}
