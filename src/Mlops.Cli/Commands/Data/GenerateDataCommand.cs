using System.ComponentModel;
using System.Diagnostics;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Generation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Data;

/// <summary><c>mlops data generate</c>: the reference data and every production month from the talk's causal model.</summary>
public sealed class GenerateDataCommand : Command<GenerateDataCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder to write reference.csv and month-1.csv … month-N.csv into (created if missing).")]
        public string? Out { get; init; }

        [CommandOption("--seed <N>")]
        [Description("Random seed; the same seed gives the same files.")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        [CommandOption("--rows <N>")]
        [Description("Rows per file.")]
        [DefaultValue(InsuranceDataGenerator.DefaultRows)]
        public int Rows { get; init; } = InsuranceDataGenerator.DefaultRows;

        [CommandOption("--months <N>")]
        [Description("Production months after the reference data.")]
        [DefaultValue(36)]
        public int Months { get; init; } = 36;

        [CommandOption("--no-concept-drift")]
        [Description("Keep the driver weight at 4.0: the inputs drift, their meaning for the risk does not (covariate drift only).")]
        public bool NoConceptDrift { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out DIR is required: the folder to write the data files into");
            }

            if (Rows is < 1 or > 10_000_000)
            {
                return ValidationResult.Error($"--rows must be between 1 and 10,000,000, got {Rows}");
            }

            return Months is < 0 or > 40
                ? ValidationResult.Error($"--months must be between 0 and 40 (the emergency-braking share reaches 100 % at month 40), got {Months}")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var generator = new InsuranceDataGenerator(settings.Seed);
        var stopwatch = Stopwatch.StartNew();
        IReadOnlyList<string> files = [];
        AnsiConsole.Progress()
            .AutoClear(true)
            .Start(progress =>
            {
                var task = progress.AddTask($"generating {settings.Months + 1} files", maxValue: settings.Months + 1);
                files = DatasetSeries.Write(generator, settings.Out!, settings.Months, settings.Rows, new Progress<string>(_ => task.Increment(1)), conceptDrift: !settings.NoConceptDrift);
            });

        AnsiConsole.MarkupLineInterpolated(
            $"[green]wrote[/] {files.Count} files ({settings.Rows} rows each, seed {settings.Seed}) to [bold]{settings.Out}[/] in {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        return ExitCodes.Success;
    }
}
