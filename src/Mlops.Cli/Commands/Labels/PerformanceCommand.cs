using System.ComponentModel;
using System.Globalization;
using Mlops.Cli.Infrastructure;
using Mlops.Core.PredictionLog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Labels;

/// <summary><c>mlops performance</c>: realised accuracy of what production answered, from the prediction log joined to its late labels.</summary>
public sealed class PerformanceCommand : AsyncCommand<PerformanceCommand.Settings>
{
    public sealed class Settings : RecordSettings
    {
        [CommandOption("--by <PERIOD>")]
        [Description("Group the answers by day, week or month (UTC).")]
        [DefaultValue("month")]
        public string By { get; init; } = "month";

        public override ValidationResult Validate() =>
            PerformancePeriods.Parse(By) is null
                ? ValidationResult.Error($"--by must be day, week or month, got '{By}'")
                : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var target = settings.Target();
        await using var log = await target.OpenAsync(cancellationToken: cancellationToken);
        var periods = await RecordPerformance.ComputeAsync(log, PerformancePeriods.Parse(settings.By)!.Value, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(periods);
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("period", "predictions", "labeled", "realised accuracy", "model only", "precision / recall high · medium · low");
        foreach (var p in periods)
        {
            table.AddRow(
                p.Period,
                p.Predictions.ToString("N0", CultureInfo.InvariantCulture),
                $"{p.Labeled.ToString("N0", CultureInfo.InvariantCulture)} ({p.LabeledShare:P0})",
                Number(p.RealisedAccuracy),
                $"{Number(p.ModelAccuracy)} ({p.ModelLabeled.ToString("N0", CultureInfo.InvariantCulture)})",
                string.Join(" · ", p.Classes.Select(c => $"{Number(c.Precision)}/{Number(c.Recall)}")));
        }

        AnsiConsole.MarkupLineInterpolated($"[green]performance[/] from {target}: answers joined to their late labels");
        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
