using System.ComponentModel;
using Microsoft.Extensions.Hosting;
using Mlops.Cli.Infrastructure;
using Mlops.Monitoring;
using Mlops.Monitoring.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Monitoring;

/// <summary>
/// <c>mlops monitor</c>: the drift monitor service of the talk (Evidently's monitoring service, natively):
/// takes production rows on <c>POST /iterate/{dataset}</c>, compares a sliding window with the
/// reference and exports the metrics the seed's Grafana dashboard reads on <c>GET /metrics</c>.
/// </summary>
public sealed class MonitorCommand : AsyncCommand<MonitorCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-p|--port <PORT>")]
        [Description("Port to listen on (the seed's monitor used 8085).")]
        [DefaultValue(MonitorOptions.DefaultPort)]
        public int Port { get; init; } = MonitorOptions.DefaultPort;

        [CommandOption("--host <HOST>")]
        [Description("Address to listen on; 0.0.0.0 to be reachable from other machines or containers.")]
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
        await using var app = MonitorApp.Build(new MonitorOptions { Config = config, Urls = [url] });
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
        Console.WriteLine($"POST {url}/iterate/<dataset>, GET {url}/metrics, GET {url}/datasets/<dataset>/drift; Ctrl-C stops");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
