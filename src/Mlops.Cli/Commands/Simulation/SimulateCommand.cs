using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Mlops.Cli.Infrastructure;
using Mlops.Cli.Simulation;
using Mlops.Cli.Stack;
using Mlops.Core.Registry;
using Mlops.Hosting.Access;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Simulation;

/// <summary>
/// <c>mlops simulate</c>: three years of production in seconds. Replays each month's customers through
/// the running prediction service over HTTP, concurrently, and prints after every month what was
/// answered, rejected and left to the fallback, and the drift the monitor saw in that month's window.
/// </summary>
public sealed class SimulateCommand : AsyncCommand<SimulateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--service <URL>")]
        [Description("The prediction service (mlops serve).")]
        [DefaultValue("http://localhost:8080")]
        public string Service { get; init; } = "http://localhost:8080";

        [CommandOption("--monitor <URL>")]
        [Description("The drift monitor (mlops monitor) the service forwards to, or that follows its prediction log.")]
        [DefaultValue("http://localhost:8085")]
        public string Monitor { get; init; } = "http://localhost:8085";

        [CommandOption("-d|--data <DIR>")]
        [Description("Folder with month-1.csv … month-36.csv; default data/ if it holds month-1.csv, else seed-data/.")]
        public string? Data { get; init; }

        [CommandOption("--problem <FILE>")]
        [Description("Problem file of the month files (see 'mlops schema'); default the served model's problem (the service's /model), with --mock the talk's insurance problem.")]
        public string? Problem { get; init; }

        [CommandOption("--separator <C>")]
        [Description("Column separator of the month files with --problem: ',' ';' or 'tab' (default: detected).")]
        public string? Separator { get; init; }

        [CommandOption("--months <RANGE>")]
        [Description("Months to replay: FIRST-LAST or one month.")]
        [DefaultValue("1-36")]
        public string Months { get; init; } = "1-36";

        [CommandOption("--rate <N>")]
        [Description("Requests per second over all customers; 0 sends as fast as the service answers.")]
        [DefaultValue(0.0)]
        public double Rate { get; init; }

        [CommandOption("--concurrency <N>")]
        [Description("Requests in flight at once (concurrent customers).")]
        [DefaultValue(ReplayOptions.DefaultConcurrency)]
        public int Concurrency { get; init; } = ReplayOptions.DefaultConcurrency;

        [CommandOption("--mock")]
        [Description("Send the rows straight to the monitor's /iterate/<problem> (insurance), as the seed's mock client did, without the service.")]
        public bool Mock { get; init; }

        [CommandOption("--monitor-timeout <SECONDS>")]
        [Description("How long to wait for a month's answered rows to reach the monitor.")]
        [DefaultValue(15.0)]
        public double MonitorTimeout { get; init; } = 15;

        [CommandOption("--token-file <FILE>")]
        [Description("The monitor's token (it needs one for /iterate and drift/calculate when started with one); default $MLOPS_TOKEN, else the token of the stack 'mlops up' started.")]
        public string? TokenFile { get; init; }

        [CommandOption("--json")]
        [Description("Print the per-month results as JSON on stdout (progress and lines go to stderr).")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (!IsHttpUrl(Service))
            {
                return ValidationResult.Error($"--service '{Service}' is not an http(s) URL, e.g. http://localhost:8080");
            }

            if (!IsHttpUrl(Monitor))
            {
                return ValidationResult.Error($"--monitor '{Monitor}' is not an http(s) URL, e.g. http://localhost:8085");
            }

            if (!(Rate is >= 0 and <= 1_000_000))
            {
                return ValidationResult.Error($"--rate must be between 0 (no limit) and 1000000 requests/s, got {Rate}");
            }

            if (!(MonitorTimeout is > 0 and <= 3600))
            {
                return ValidationResult.Error($"--monitor-timeout must be between 0 and 3600 seconds, got {MonitorTimeout}");
            }

            return Concurrency is < 1 or > 1024
                ? ValidationResult.Error($"--concurrency must be between 1 and 1024, got {Concurrency}")
                : ValidationResult.Success();
        }

        private static bool IsHttpUrl(string text) =>
            Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Ctrl-C cancels the token; `kill PID` (SIGTERM) stops the replay just as cleanly, with its summary.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        return await ReplayAsync(settings, stop.Token);
    }

    /// <summary>--token-file, else $MLOPS_TOKEN, else the token of the stack <c>mlops up</c> started on this MLOPS_HOME, if any.</summary>
    private static ApiToken? Token(string? tokenFile)
    {
        if (ApiToken.Resolve(tokenFile) is { } token)
        {
            return token;
        }

        var stack = new StackLayout(RegistryHome.Resolve());
        return File.Exists(stack.TokenFile) ? ApiToken.FromFile(stack.TokenFile) : null;
    }

    private static async Task<int> ReplayAsync(Settings settings, CancellationToken cancellationToken)
    {
        var problem = ProblemOption.Read(settings.Problem, settings.Separator);
        var options = new ReplayOptions
        {
            Problem = problem?.Schema,
            Separator = problem?.Separator,
            Service = new Uri(settings.Service),
            Monitor = new Uri(settings.Monitor),
            DataFolder = DataFolder.Resolve(settings.Data, "month-1.csv"),
            Months = MonthRange.Parse(settings.Months),
            Rate = settings.Rate,
            Concurrency = settings.Concurrency,
            Mock = settings.Mock,
            MonitorTimeout = TimeSpan.FromSeconds(settings.MonitorTimeout),
            Token = Token(settings.TokenFile),
        };

        // With --json stdout is the document; everything a person reads goes to stderr.
        var console = LogLines.Unwrapped(settings.Json ? StandardErrorConsole.Create() : AnsiConsole.Console);
        using var replay = new ProductionReplay(options);
        var months = await replay.LoadAsync(cancellationToken);
        await replay.ConnectAsync(cancellationToken);
        SimulationView.Header(console, options, replay, months.Count);

        var results = new List<MonthResult>();
        var stopwatch = Stopwatch.StartNew();
        foreach (var month in months)
        {
            var result = await RunMonthAsync(console, replay, month, cancellationToken);
            results.Add(result);
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            SimulationView.Month(console, result);
        }

        var report = SimulationReport.Of(options, replay.Target, results, stopwatch.Elapsed.TotalSeconds, cancellationToken.IsCancellationRequested);
        SimulationView.Summary(console, report, months.Count);
        if (settings.Json)
        {
            JsonOutput.Write(report);
        }

        return report.Interrupted ? ExitCodes.Cancelled : ExitCodes.Success;
    }

    /// <summary>One month, with a progress bar while it runs when a person watches.</summary>
    private static async Task<MonthResult> RunMonthAsync(IAnsiConsole console, ProductionReplay replay, ReplayMonth month, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await replay.RunMonthAsync(month, rowDone: null, cancellationToken);
        }

        MonthResult? result = null;
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"month {month.Month}", maxValue: month.Rows);
                result = await replay.RunMonthAsync(month, () => task.Increment(1), cancellationToken);
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
