using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Registry;
using Mlops.Core.Retraining;
using Mlops.Core.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Model;

/// <summary>
/// <c>mlops retrain</c>: the labels of a month have arrived. Validate the production model on them;
/// if it fails, train a candidate, validate it, and promote it (through the registry's gate) only when
/// every invariant holds. Exit 1 when the candidate misses one: back to phase I.
/// </summary>
public sealed class RetrainCommand : Command<RetrainCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("-d|--data <FILE>")]
        [Description("The newly labeled data, e.g. seed-data/month-12.csv once its ground truth arrived.")]
        public string? Data { get; init; }

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for the candidate model.")]
        [DefaultValue("candidate")]
        public string Out { get; init; } = "candidate";

        [CommandOption("--with-reference <FILE>")]
        [Description("Train on this reference data and the new data together.")]
        public string? WithReference { get; init; }

        [CommandOption("--drop <FEATURE>")]
        [Description("A feature the candidate ignores (repeatable), e.g. --drop emergency_braking.")]
        public string[] Drop { get; init; } = [];

        [CommandOption("--register")]
        [Description("Register the data and the candidate, and record its validation.")]
        public bool Register { get; init; }

        [CommandOption("--promote-if-valid")]
        [Description("Promote the candidate through the registry's gate when every invariant holds (registers it).")]
        public bool PromoteIfValid { get; init; }

        [CommandOption("--spec <FILE>")]
        [Description("Invariant spec (JSON) instead of the shipped config/invariants.json.")]
        public string? Spec { get; init; }

        [CommandOption("--json")]
        [Description("Print the result as JSON.")]
        public bool Json { get; init; }

        public override ValidationResult Validate() => string.IsNullOrWhiteSpace(Data)
            ? ValidationResult.Error("--data FILE is required: the newly labeled data")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var home = RegistryHome.Resolve();
        if (!Directory.Exists(home))
        {
            throw new UsageException($"no registry at {home}: retraining starts from the registry's production model (set MLOPS_HOME, or register and promote a model first)");
        }

        var spec = settings.Spec is null ? InvariantSpec.Default : InvariantSpec.LoadFile(settings.Spec);
        var request = new RetrainingRequest
        {
            DataFile = settings.Data!,
            CandidateFolder = settings.Out,
            WithReferenceFile = settings.WithReference,
            DropFeatures = settings.Drop.Length == 0 ? null : settings.Drop,
            Register = settings.Register,
            PromoteIfValid = settings.PromoteIfValid,
        };
        var progress = settings.Json ? null : new SynchronousProgress<string>(step => StandardErrorConsole.Create().MarkupLineInterpolated($"[grey]{step}…[/]"));
        var result = new RetrainingFlow(ModelRegistry.OpenDefault(), spec).Run(request, progress, cancellationToken);
        var exit = result.Outcome == RetrainingOutcome.CandidateFailed ? ExitCodes.CheckFailed : ExitCodes.Success;
        if (settings.Json)
        {
            JsonOutput.Write(result);
            return exit;
        }

        var console = AnsiConsole.Console;
        RetrainingView.Production(console, result);
        if (result.Outcome != RetrainingOutcome.ProductionStillValid)
        {
            console.WriteLine();
            RetrainingView.Candidate(console, result);
        }

        return exit;
    }
}
