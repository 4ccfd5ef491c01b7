using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Lifecycle;
using Mlops.Core.Registry;
using Mlops.Core.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Model;

/// <summary>
/// <c>mlops validate</c>: the quality gate. Evaluates a trained model (as it is) on labeled data and
/// checks the invariants; exit code 0 only when every one holds, 1 when any fails. When a registry
/// exists, the report is recorded on the registered version of the folder (the promotion gate reads it).
/// </summary>
public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-d|--data <FILE>")]
        [Description("Labeled data to validate on: the training file, or a month whose ground truth arrived; read as the model card's problem (';'-separated insurance data, or any problem's CSV)")]
        public string? Data { get; init; }

        [CommandOption("-m|--model <VERSION|DIR>")]
        [Description("Model folder written by 'mlops train', or a registry version (vN, a hash prefix, production).")]
        public string? Model { get; init; }

        [CommandOption("--spec <FILE>")]
        [Description("Invariant spec (JSON) to use instead of the shipped config/invariants.json (the talk's later version); config/invariants.seed.json is exactly the seed's validate.py.")]
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
        var (report, recorded) = ValidateAndRecord(ModelReference.Parse(settings.Model!), settings.Data!, spec);
        if (settings.Json)
        {
            JsonOutput.Write(report);
        }
        else
        {
            ValidationReportView.Write(AnsiConsole.Console, report);
        }

        if (recorded is not null)
        {
            // On stderr with --json, so stdout stays the report.
            var console = settings.Json ? StandardErrorConsole.Create() : AnsiConsole.Console;
            console.MarkupLineInterpolated($"recorded on registry version [bold]{recorded.Version}[/]: the promotion gate now judges it by this report");
        }

        return report.Passed ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    /// <summary>
    /// Validates and records the report on the registered version with this content, failed or not: the
    /// promotion gate needs the evidence either way. A folder's report is recorded only when a registry
    /// exists (validating never creates one) and holds that content; a version's always.
    /// </summary>
    private static (ValidationReport Report, ValidationRecord? Recorded) ValidateAndRecord(ModelReference model, string data, InvariantSpec spec)
    {
        var location = RegistryLocation.Resolve();
        if (model.IsFolder)
        {
            var lifecycle = new ModelLifecycle(location.Exists ? ModelRegistry.Open(location) : null, spec);
            var report = lifecycle.Validate(model.Text, data, model.Text, Warnings.Write);
            return (report, lifecycle.RecordForFolder(model.Text, report));
        }

        var registry = model.OpenRegistry(location);
        var artifact = registry.Load(model.Text);
        var versioned = new ModelLifecycle(registry, spec);
        var versionReport = versioned.Validate(artifact.Path, data, artifact.Model.Version, Warnings.Write);
        return (versionReport, versioned.Record(artifact.Model.Version, versionReport));
    }
}
