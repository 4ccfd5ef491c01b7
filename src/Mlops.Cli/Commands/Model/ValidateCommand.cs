using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Models;
using Mlops.Core.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Model;

/// <summary>
/// <c>mlops validate</c>: the quality gate. Evaluates a trained model (as it is) on labeled data and
/// checks the invariants; exit code 0 only when every one holds, 1 when any fails.
/// </summary>
public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-d|--data <FILE>")]
        [Description("Labeled ';'-separated data to validate on: the training file, or a month whose ground truth arrived.")]
        public string? Data { get; init; }

        [CommandOption("-m|--model <DIR>")]
        [Description("Model folder written by 'mlops train'.")]
        public string? Model { get; init; }

        [CommandOption("--spec <FILE>")]
        [Description("Invariant spec (JSON) to use instead of the shipped config/invariants.json.")]
        public string? Spec { get; init; }

        [CommandOption("--json")]
        [Description("Print the validation report as JSON instead of tables.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Data))
            {
                return ValidationResult.Error("--data FILE is required: the labeled data to validate on");
            }

            return string.IsNullOrWhiteSpace(Model)
                ? ValidationResult.Error("--model DIR is required: the model folder to validate")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var spec = settings.Spec is null ? InvariantSpec.Default : InvariantSpec.LoadFile(settings.Spec);
        using var model = ModelDirectory.Load(settings.Model!);
        var report = ModelValidator.ValidateFile(model, settings.Data!, spec, settings.Model);
        if (settings.Json)
        {
            JsonOutput.Write(report);
        }
        else
        {
            ValidationReportView.Write(AnsiConsole.Console, report);
        }

        return report.Passed ? ExitCodes.Success : ExitCodes.CheckFailed;
    }
}
