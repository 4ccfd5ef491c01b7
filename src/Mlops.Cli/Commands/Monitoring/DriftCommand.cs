using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Drift;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Monitoring;

/// <summary>
/// <c>mlops drift</c>: the monitor's computation offline — each feature of a current file against the
/// reference with Evidently's default test, and the dataset verdict.
/// </summary>
public sealed class DriftCommand : Command<DriftCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-r|--reference <FILE>")]
        [Description("The reference data (what the model was trained on), ';'-separated.")]
        public string? Reference { get; init; }

        [CommandOption("-c|--current <FILE>")]
        [Description("The current data to compare, e.g. one month of production.")]
        public string? Current { get; init; }

        [CommandOption("--drift-share <SHARE>")]
        [Description("Share of drifted feature columns at which the dataset counts as drifted.")]
        [DefaultValue(DriftOptions.DefaultDriftShare)]
        public double DriftShare { get; init; } = DriftOptions.DefaultDriftShare;

        [CommandOption("--json")]
        [Description("Print the report as JSON instead of a table.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Reference) || string.IsNullOrWhiteSpace(Current))
            {
                return ValidationResult.Error("--reference FILE and --current FILE are both required");
            }

            return DriftShare is > 0 and <= 1
                ? ValidationResult.Success()
                : ValidationResult.Error($"--drift-share must be in (0, 1], got {DriftShare}");
        }
    }

    /// <summary>What <c>--json</c> prints.</summary>
    public sealed record Output(string Reference, string Current, DatasetDriftReport Report);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string[] features = [.. ColumnMapping.Insurance.Features.Select(c => c.Name)];
        var reference = NumericTableReader.ReadFile(settings.Reference!, features);
        var current = NumericTableReader.ReadFile(settings.Current!, features);
        var calculator = new DriftCalculator(ColumnMapping.Insurance, reference, new DriftOptions { DriftShare = settings.DriftShare });
        var report = calculator.Calculate(current, DateTimeOffset.UtcNow);
        if (settings.Json)
        {
            JsonOutput.Write(new Output(settings.Reference!, settings.Current!, report));
            return ExitCodes.Success;
        }

        AnsiConsole.Write(DriftTable.Of(report, $"{Markup.Escape(reference.Name)} → {Markup.Escape(current.Name)}"));
        AnsiConsole.MarkupLine(DriftTable.Verdict(report));
        return ExitCodes.Success;
    }
}
