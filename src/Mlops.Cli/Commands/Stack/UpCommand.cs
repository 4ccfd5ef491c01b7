using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Cli.Stack;
using Mlops.Core.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Stack;

/// <summary>
/// <c>mlops up</c>: the running system in one command, for a person trying it out. Starts the drift
/// monitor, the prediction service (forwarding to the monitor) and Prometheus (when installed) in the
/// background, with a production model (trained, validated and promoted through the gate if the
/// registry has none), and prints where everything is. <c>mlops down</c> stops it.
/// </summary>
public sealed class UpCommand : AsyncCommand<UpCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-d|--data <DIR>")]
        [Description("Folder with reference.csv (training data and the monitor's reference); default data/ if it holds reference.csv, else seed-data/.")]
        public string? Data { get; init; }

        [CommandOption("--port-service <PORT>")]
        [Description("Port of the prediction service.")]
        [DefaultValue(8080)]
        public int ServicePort { get; init; } = 8080;

        [CommandOption("--port-monitor <PORT>")]
        [Description("Port of the drift monitor.")]
        [DefaultValue(8085)]
        public int MonitorPort { get; init; } = 8085;

        [CommandOption("--port-prometheus <PORT>")]
        [Description("Port of Prometheus (started when the prometheus binary is installed).")]
        [DefaultValue(9090)]
        public int PrometheusPort { get; init; } = 9090;

        [CommandOption("--no-prometheus")]
        [Description("Do not start Prometheus even if it is installed.")]
        public bool NoPrometheus { get; init; }

        public override ValidationResult Validate()
        {
            var ports = new[] { ServicePort, MonitorPort, PrometheusPort };
            if (ports.Any(p => p is < 1 or > 65535))
            {
                return ValidationResult.Error("ports must be between 1 and 65535");
            }

            return ports.Distinct().Count() < ports.Length
                ? ValidationResult.Error("--port-service, --port-monitor and --port-prometheus must differ")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var stack = new LocalDeployment(new StackLayout(RegistryHome.Resolve()), LogLines.Unwrapped(AnsiConsole.Console));
        if (stack.Running() is { } running)
        {
            var stopped = running.Processes.Where(p => !p.IsRunning).ToList();
            AnsiConsole.MarkupLineInterpolated($"mlops is already up (started {running.StartedAt:yyyy-MM-dd HH:mm:ss} UTC, state in {stack.Layout.StateFile}):");
            StackView.Urls(AnsiConsole.Console, running);
            foreach (var process in stopped)
            {
                AnsiConsole.MarkupLineInterpolated($"[yellow]{process.Title} (pid {process.Pid}) is not running[/]: see {process.Log}; 'mlops down' then 'mlops up' restarts everything");
            }

            return stopped.Count == 0 ? ExitCodes.Success : ExitCodes.CheckFailed;
        }

        var data = DataFolder.Resolve(settings.Data, "reference.csv");
        var reference = Path.Combine(data, "reference.csv");
        if (!File.Exists(reference))
        {
            throw new UsageException($"{reference}: not found; --data needs a folder with reference.csv (mlops data generate --out DIR writes one)");
        }

        var prometheus = settings.NoPrometheus ? null : NativePrometheusConfig.FindBinary();
        var templates = prometheus is null ? null : NativePrometheusConfig.FindTemplateFolder();
        if (!settings.NoPrometheus && prometheus is null)
        {
            AnsiConsole.MarkupLine("Prometheus is not installed (Debian: apt-get install prometheus): starting without it");
        }
        else if (prometheus is not null && templates is null)
        {
            AnsiConsole.MarkupLine("deploy/prometheus/prometheus.native.yml not found (run from the repository): starting without Prometheus");
            prometheus = null;
        }

        var plan = new StackPlan(data, reference, settings.ServicePort, settings.MonitorPort, settings.PrometheusPort, prometheus, templates);
        var state = await stack.StartAsync(plan, cancellationToken);
        AnsiConsole.MarkupLine("[green]mlops is up[/]:");
        StackView.Urls(AnsiConsole.Console, state);
        AnsiConsole.MarkupLineInterpolated($"logs in {stack.Layout.RunFolder}/*.log; next: [bold]./mlops simulate[/] (watch the dashboard); stop with [bold]./mlops down[/]");
        return ExitCodes.Success;
    }
}
