using System.ComponentModel;
using System.Globalization;
using Mlops.Cli.Commands.Labels;
using Mlops.Cli.Infrastructure;
using Mlops.Core.PredictionLog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Log;

/// <summary><c>mlops log export --before DATE --out FILE.parquet</c>: the old part of the production record, with its labels, as a Parquet archive.</summary>
public sealed class ExportLogCommand : AsyncCommand<ExportLogCommand.Settings>
{
    public sealed class Settings : RecordSettings
    {
        [CommandOption("--before <DATE>")]
        [Description("Export the rows answered before this UTC date or ISO 8601 time (2026-01-31, 2026-01-31T12:00:00Z).")]
        public string Before { get; init; } = "";

        [CommandOption("--out <FILE>")]
        [Description("The Parquet file to write (written to a temporary file and renamed when complete).")]
        public string Out { get; init; } = "";

        [CommandOption("--force")]
        [Description("Replace an existing --out file.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            Before.Length == 0 ? ValidationResult.Error("--before DATE is required")
            : Out.Length == 0 ? ValidationResult.Error("--out FILE is required")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var before = ArchiveTime.Parse(settings.Before);
        var target = settings.Target();
        await using var log = await target.OpenExistingAsync(cancellationToken);
        var report = await log.Archive.ExportAsync(before, settings.Out, settings.Force, cancellationToken);
        if (settings.Json)
        {
            JsonOutput.Write(report);
        }
        else
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[green]exported[/] {report.Rows.ToString("N0", CultureInfo.InvariantCulture)} predictions before {report.Before:O} ({report.Labeled.ToString("N0", CultureInfo.InvariantCulture)} labeled) from {target} → {report.File}");
        }

        return ExitCodes.Success;
    }
}
