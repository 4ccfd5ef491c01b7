using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Drift;
using Mlops.Core.Problems;
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
        [Description("The reference data (what the model was trained on).")]
        public string? Reference { get; init; }

        [CommandOption("-c|--current <FILE>")]
        [Description("The current data to compare, e.g. one month of production.")]
        public string? Current { get; init; }

        [CommandOption("--problem <FILE>")]
        [Description("A problem file (see 'mlops schema'): compare its features in files of its format (',' or ';' separated, NA for missing); default: the insurance data.")]
        public string? Problem { get; init; }

        [CommandOption("--separator <CHAR>")]
        [Description("With --problem: the separator, ',', ';', '|' or 'tab' (default: detected from the header).")]
        public string? Separator { get; init; }

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

    /// <summary>The columns to compare and both files, read through <c>--problem</c> or as the insurance data.</summary>
    private static (ColumnMapping Mapping, IColumnarData Reference, (IColumnarData Data, string Name) Current) Read(Settings settings)
    {
        var (schema, separator) = ProblemOption.Read(settings.Problem, settings.Separator) is { } problem
            ? (problem.Schema, problem.Separator)
            : (ProblemSchema.Insurance, (char?)null);

        (ColumnMapping, IColumnarData, (IColumnarData, string)) ReadBoth()
        {
            var current = NumericTableReader.ReadFile(settings.Current!, schema, separator);
            return (ColumnMapping.For(schema, withPrediction: true), NumericTableReader.ReadFile(settings.Reference!, schema, separator), (current, current.Name));
        }

        return settings.Problem is null ? ProblemOption.ReadTheTalksData([settings.Reference!, settings.Current!], ReadBoth) : ReadBoth();
    }

    /// <summary>What <c>--json</c> prints.</summary>
    public sealed record Output(string Reference, string Current, DatasetDriftReport Report);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (mapping, reference, current) = Read(settings);
        var calculator = new DriftCalculator(mapping, reference, new DriftOptions { DriftShare = settings.DriftShare });
        var report = calculator.Calculate(current.Data, DateTimeOffset.UtcNow);
        if (settings.Json)
        {
            JsonOutput.Write(new Output(settings.Reference!, settings.Current!, report));
            return ExitCodes.Success;
        }

        AnsiConsole.Write(DriftTable.Of(report, $"{Markup.Escape(Path.GetFileName(settings.Reference!))} → {Markup.Escape(current.Name)}"));
        AnsiConsole.MarkupLine(DriftTable.Verdict(report));
        return ExitCodes.Success;
    }
}
