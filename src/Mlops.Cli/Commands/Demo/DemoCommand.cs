using System.ComponentModel;
using System.Runtime.InteropServices;
using Mlops.Cli.Demo;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Analysis;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Demo;

/// <summary>
/// <c>mlops demo</c>: the whole talk in one command, from nothing — data, train, validate, register and
/// promote, serve with the monitor, three years of production, drift, the late ground truth, retraining
/// and "back to phase I", the report — narrated, in its own folder and registry, and everything it
/// started stopped again (also on Ctrl-C and on a failed step).
/// </summary>
public sealed class DemoCommand : AsyncCommand<DemoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-d|--data <DIR>")]
        [Description("Take reference.csv and month-1.csv … from this folder (e.g. seed-data) instead of generating the talk's data.")]
        public string? Data { get; init; }

        [CommandOption("--months <N>")]
        [Description("Production months to replay through the service.")]
        [DefaultValue(36)]
        public int Months { get; init; } = 36;

        [CommandOption("--label-delay <MONTHS>")]
        [Description("Months until a month's ground truth arrives; the story validates on month N − delay (36 − 24 = 12).")]
        [DefaultValue(GroundTruthSchedule.DefaultLabelDelayMonths)]
        public int LabelDelay { get; init; } = GroundTruthSchedule.DefaultLabelDelayMonths;

        [CommandOption("-w|--workdir <DIR>")]
        [Description("Folder for everything the demo makes, with its own registry (MLOPS_HOME); an earlier demo's folder is emptied and reused.")]
        [DefaultValue("demo-run")]
        public string Workdir { get; init; } = "demo-run";

        [CommandOption("--keep-running")]
        [Description("Leave the service and the monitor running afterwards (the command to stop them is printed).")]
        public bool KeepRunning { get; init; }

        [CommandOption("--no-report")]
        [Description("Do not write the HTML analysis report.")]
        public bool NoReport { get; init; }

        [CommandOption("--json")]
        [Description("Print every step's outcome and the evidence as JSON on stdout; the narration goes to stderr.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Months is < 1 or > 40)
            {
                return ValidationResult.Error($"--months must be between 1 and 40 (the emergency-braking share reaches 100 % at month 40), got {Months}");
            }

            if (LabelDelay < 0)
            {
                return ValidationResult.Error($"--label-delay must be 0 or more months, got {LabelDelay}");
            }

            if (new GroundTruthSchedule(LabelDelay).LastLabeledMonth(Months) is null)
            {
                return ValidationResult.Error(
                    $"--months {Months} with --label-delay {LabelDelay}: no month's labels arrive by month {Months} (month 1's arrive at month {LabelDelay + 1}); give more months or a shorter delay");
            }

            return Data is not null && DemoWorkspace.Contains(Workdir, Data)
                ? ValidationResult.Error($"--data {Data} lies inside --workdir {Workdir}, which the demo empties; give the data from elsewhere")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // SIGTERM (kill, a CI timeout) and SIGHUP (the terminal closed) stop the demo like Ctrl-C does: through the cleanup.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Cancel);

        // A second Ctrl-C must not end the process while it still stops the services it started.
        Console.CancelKeyPress += KeepAlive;
        try
        {
            var console = LogLines.Unwrapped(settings.Json ? StandardErrorConsole.Create() : AnsiConsole.Console);
            var narrator = new DemoNarrator(console);
            var run = new DemoRun(Options(settings), narrator);
            var result = await run.RunAsync(stop.Token);
            DemoSummaryView.Write(narrator, result, run.StopHint);
            if (settings.Json)
            {
                JsonOutput.Write(result);
            }

            return result.Ending switch
            {
                DemoEnding.Interrupted => ExitCodes.Cancelled,
                DemoEnding.Failed => ExitCodes.CheckFailed,
                _ => ExitCodes.Success,
            };
        }
        finally
        {
            Console.CancelKeyPress -= KeepAlive;
        }

        void Cancel(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }

    private static void KeepAlive(object? sender, ConsoleCancelEventArgs e) => e.Cancel = true;

    private static DemoOptions Options(Settings settings) => new()
    {
        Workdir = settings.Workdir,
        Data = settings.Data,
        Months = settings.Months,
        LabelDelay = settings.LabelDelay,
        KeepRunning = settings.KeepRunning,
        WriteReport = !settings.NoReport,
    };
}
