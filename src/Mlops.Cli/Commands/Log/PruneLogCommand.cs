using System.ComponentModel;
using System.Globalization;
using Mlops.Cli.Commands.Labels;
using Mlops.Cli.Infrastructure;
using Mlops.Core.PredictionLog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Log;

/// <summary><c>mlops log prune --before DATE</c>: deletes old rows and their labels, only those an export covers unless forced.</summary>
public sealed class PruneLogCommand : AsyncCommand<PruneLogCommand.Settings>
{
    public sealed class Settings : RecordSettings
    {
        [CommandOption("--before <DATE>")]
        [Description("Delete the rows answered before this UTC date or ISO 8601 time, with their labels.")]
        public string Before { get; init; } = "";

        [CommandOption("--force")]
        [Description("Also delete rows no 'mlops log export' has archived (they are lost).")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            Before.Length == 0 ? ValidationResult.Error("--before DATE is required") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var before = ArchiveTime.Parse(settings.Before);
        var target = settings.Target();
        await using var log = await target.OpenExistingAsync(cancellationToken);
        var report = await log.Archive.PruneAsync(before, settings.Force, cancellationToken);
        if (report.LateLabels > 0)
        {
            await Console.Error.WriteLineAsync(
                $"mlops: error: not pruned: {report.LateLabels} labels arrived after their predictions were exported (the first answered {report.FirstUnexported:O}); run 'mlops log export --before {settings.Before.Trim()} --out NEW.parquet' again, or --force");
            return ExitCodes.CheckFailed;
        }

        if (report.Refused)
        {
            var reach = report.ExportedBefore is { } e ? $"exports reach {e:O}" : "nothing was exported";
            await Console.Error.WriteLineAsync(
                $"mlops: error: not pruned: rows from {report.FirstUnexported:O} on were not exported ({reach}); run 'mlops log export --before {settings.Before.Trim()}' first, or --force");
            return ExitCodes.CheckFailed;
        }

        if (settings.Json)
        {
            JsonOutput.Write(report);
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[green]pruned[/] {report.Predictions.ToString("N0", CultureInfo.InvariantCulture)} predictions and {report.Labels.ToString("N0", CultureInfo.InvariantCulture)} labels before {report.Before:O} from {target}");
        }

        return ExitCodes.Success;
    }
}
