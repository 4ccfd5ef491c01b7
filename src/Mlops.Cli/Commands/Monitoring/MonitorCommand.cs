using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mlops.Cli.Commands.Analysis;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Analysis;
using Mlops.Core.Models;
using Mlops.Core.PredictionLog;
using Mlops.Core.Problems;
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
        [Description("Reference data of --dataset (the problem's column mapping); replaces that dataset's reference in --config.")]
        public string? Reference { get; init; }

        [CommandOption("--problem <FILE>")]
        [Description("The problem file of --dataset's data (see 'mlops schema'): names, aliases, kinds and validity bounds of its features; default: --model's problem, the config's, or insurance.")]
        public string? Problem { get; init; }

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
        [Description("The dataset --reference, --problem, --model and the prediction log's rows are for (default: the problem's name, 'insurance' for the talk's).")]
        public string? Dataset { get; init; }

        [CommandOption("-m|--model <MODEL>")]
        [Description("Estimate the accuracy of this model (a folder or a registry version: vN, hash prefix, production) on each window of --dataset without labels (CBPE, mlops_performance_estimated), calibrated on the dataset's labeled reference as analyze and performance do.")]
        public string? Model { get; init; }

        public override ValidationResult Validate()
        {
            if (Config is null && Reference is null)
            {
                return ValidationResult.Error("give --reference FILE (with --problem FILE for a problem other than insurance) or --config FILE");
            }

            return Port is < 1 or > 65535 ? ValidationResult.Error($"--port must be between 1 and 65535, got {Port}") : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = settings.Config is null ? new MonitorConfig() : MonitorConfig.Load(settings.Config);
        var model = settings.Model is null ? default : AnalyzedModelSource.Resolve(settings.Model);
        if (settings.Model is not null && model.Loaded is null)
        {
            throw new UsageException("--model: no such model and no production model in the registry");
        }

        // The dataset's problem: --problem, else --model's card, else what the config says (insurance by default).
        var problem = settings.Problem is { } file ? ProblemSchemaFile.Load(file) : model.Loaded?.Card.Problem;
        var dataset = settings.Dataset ?? problem?.Name ?? MonitorConfig.InsuranceDataset;
        if (settings.Reference is not null)
        {
            config = config.WithReference(dataset, settings.Reference, problem);
        }
        else if (problem is not null)
        {
            config = config.Datasets.TryGetValue(dataset, out var configured)
                ? config with { Datasets = new Dictionary<string, DatasetConfig>(config.Datasets) { [dataset] = configured with { Schema = problem } } }
                : throw new UsageException($"--dataset '{dataset}' is not monitored; monitored: {string.Join(", ", config.Datasets.Keys)} (give --reference FILE to add it)");
        }

        config = config with
        {
            WindowSize = settings.Window ?? config.WindowSize,
            CalculationPeriodSeconds = settings.Interval ?? config.CalculationPeriodSeconds,
        };
        config.Validate(settings.Config ?? "options");

        var url = $"http://{settings.Host}:{settings.Port}";
        var access = settings.Access();
        await using var follower = await FollowerAsync(settings, dataset, config, cancellationToken);
        var estimators = Estimators(model, dataset, config);
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
            Console.WriteLine($"following the prediction log {follower.Target} into dataset {dataset}, and its labels");
        }

        foreach (var (estimated, estimator) in estimators)
        {
            Console.WriteLine($"estimating the accuracy of {estimator.Model.Label} on each window of {estimated}; calibrated on {estimator.Calibration.CalibrationData}");
        }

        Console.WriteLine(access.Token is { } token
            ? $"state changes (POST /iterate, drift/calculate) need the {token}"
            : "no token: state changes (POST /iterate, drift/calculate) from this machine only");
        Console.WriteLine($"POST {url}/iterate/<dataset>, GET {url}/metrics, GET {url}/datasets/<dataset>/drift, dashboard {url}/dashboard; Ctrl-C stops");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>The prediction log follower, when asked for: the opened log (closed on dispose) and the source reading it, with the columns of the dataset's problem.</summary>
    private static async Task<LogFollower?> FollowerAsync(Settings settings, string dataset, MonitorConfig config, CancellationToken cancellationToken)
    {
        if (settings.PredictionLog is null)
        {
            return null;
        }

        var columns = PredictionLogColumns.For(Monitored(dataset, config).ProblemOrInsurance);
        var target = PredictionLogTarget.Parse(settings.PredictionLog);
        var log = await target.OpenAsync(columns, cancellationToken: cancellationToken);
        var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        return new LogFollower(
            target,
            log,
            logging,
            new PredictionLogRowSource(log, dataset, logging.CreateLogger<PredictionLogRowSource>(), columns: columns),
            new LabelFollower(log, dataset, logging.CreateLogger<LabelFollower>()));
    }

    private static DatasetConfig Monitored(string dataset, MonitorConfig config) =>
        config.Datasets.TryGetValue(dataset, out var monitored)
            ? monitored
            : throw new UsageException($"--dataset '{dataset}' is not monitored; monitored: {string.Join(", ", config.Datasets.Keys)}");

    /// <summary>The estimate of --model on the dataset, calibrated on that dataset's reference (which must hold labels).</summary>
    private static Dictionary<string, RecordEstimator> Estimators((AnalyzedModel? Model, TrainedModel? Loaded) resolved, string dataset, MonitorConfig config)
    {
        var (model, loaded) = resolved;
        if (model is null || loaded is null)
        {
            return [];
        }

        var reference = Monitored(dataset, config).Reference!;

        // Any problem: the dataset's reference is read through the model's problem (its card embeds it).
        var notes = new List<string>();
        var estimator = RecordEstimator.Calibrate(model, reference, notes)
            ?? throw new UsageException($"--model: {string.Join("; ", notes)}");
        return new Dictionary<string, RecordEstimator>(StringComparer.Ordinal) { [dataset] = estimator };
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
