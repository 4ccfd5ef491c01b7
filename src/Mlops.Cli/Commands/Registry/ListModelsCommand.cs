using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Registry;

/// <summary><c>mlops registry list</c>: every registered version with its problem, its stage and what the gate says.</summary>
public sealed class ListModelsCommand : Command<ListModelsCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--json")]
        [Description("Print the versions as JSON.")]
        public bool Json { get; init; }
    }

    /// <summary>
    /// The JSON answer: the versions and, per problem, the production revision they were read at.
    /// <see cref="ProductionRevision"/> is the field of before models per problem, kept for scripts
    /// while the registry has at most one problem in production (null once several have).
    /// </summary>
    public sealed record Listing(long? ProductionRevision, IReadOnlyDictionary<string, long> ProductionRevisions, IReadOnlyList<ModelVersion> Models);

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var registry = ModelRegistry.OpenDefault();
        var revisions = registry.ProductionRevisions();
        var models = registry.List();
        if (settings.Json)
        {
            JsonOutput.Write(new Listing(revisions.Count <= 1 ? revisions.Values.SingleOrDefault() : null, revisions, models));
            return ExitCodes.Success;
        }

        if (models.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"no models registered in {registry.Home}; add one with 'mlops registry add MODEL_DIR'");
            return ExitCodes.Success;
        }

        var table = new Table().Title($"models in {Markup.Escape(registry.Home)}");
        table.AddColumn("version");
        table.AddColumn("problem");
        table.AddColumn("stage");
        table.AddColumn("trainer");
        table.AddColumn("trained on");
        table.AddColumn(new TableColumn("test acc").RightAligned());
        table.AddColumn("gate");
        table.AddColumn("registered");
        foreach (var model in models)
        {
            var gate = registry.Gate(model.Version);
            var gateText = gate.LatestValidation is null ? "[grey]not validated[/]" : gate.Passed ? "[green]passed[/]" : "[red]failed[/]";
            table.AddRow(
                model.Version,
                Markup.Escape(model.Problem),
                RegistryText.StageMarkup(model.Stage),
                Markup.Escape(model.Card.Trainer),
                Markup.Escape(model.Card.TrainingDataFile),
                Format.Number(model.Card.TestAccuracy),
                gateText,
                RegistryText.Minute(model.RegisteredAt));
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }
}
