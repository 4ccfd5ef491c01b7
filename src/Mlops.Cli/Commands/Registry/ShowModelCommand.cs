using System.ComponentModel;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Registry;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mlops.Cli.Commands.Registry;

/// <summary><c>mlops registry show VERSION</c>: the lineage of one version, from its data to its last stage change.</summary>
public sealed class ShowModelCommand : Command<ShowModelCommand.Settings>
{
    public sealed class Settings : VersionSettings
    {
        [CommandOption("--json")]
        [Description("Print the lineage as JSON.")]
        public bool Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var lineage = ModelRegistry.OpenDefault().Lineage(settings.Version);
        if (settings.Json)
        {
            JsonOutput.Write(lineage);
            return ExitCodes.Success;
        }

        var model = lineage.Model;
        AnsiConsole.MarkupLine($"[bold]{model.Version}[/] {RegistryText.StageMarkup(model.Stage)}");
        AnsiConsole.MarkupLineInterpolated(
            $"  artifact   {model.ArtifactSha256} ({model.FileCount} files, {RegistryText.Size(model.SizeBytes)})");
        AnsiConsole.MarkupLineInterpolated($"  registered {RegistryText.Time(model.RegisteredAt)} by {model.RegisteredBy}");
        WriteTrainingData(lineage.TrainingData);
        WriteTrainer(model);
        WriteValidations(lineage.Validations);
        WriteHistory(lineage.History);
        AnsiConsole.MarkupLineInterpolated($"[bold]gate[/]: {(lineage.Gate.Passed ? "open" : "closed")} — {lineage.Gate.Reason}");
        return ExitCodes.Success;
    }

    private static void WriteTrainingData(TrainingDataLineage data)
    {
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]training data[/]");
        AnsiConsole.MarkupLineInterpolated($"  file       {data.File}");
        AnsiConsole.MarkupLineInterpolated($"  sha256     {data.Sha256}");
        if (data.Dataset is not { } dataset)
        {
            AnsiConsole.MarkupLine("  registered [yellow]no[/] (register it with 'mlops data add FILE' to keep the exact data)");
            return;
        }

        AnsiConsole.MarkupLineInterpolated(
            $"  registered yes, as {dataset.FileName} ({dataset.Rows} rows, {RegistryText.Size(dataset.SizeBytes)}) on {RegistryText.Time(dataset.RegisteredAt)}");
        var table = new Table();
        table.AddColumn("column");
        foreach (var header in new[] { "mean", "std", "min", "max" })
        {
            table.AddColumn(new TableColumn(header).RightAligned());
        }

        foreach (var c in dataset.Statistics.Columns)
        {
            table.AddRow(Markup.Escape(c.Column), Format.Number(c.Mean), Format.Number(c.StandardDeviation), Format.Number(c.Min), Format.Number(c.Max));
        }

        AnsiConsole.Write(table);
    }

    private static void WriteTrainer(ModelVersion model)
    {
        var card = model.Card;
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLineInterpolated($"[bold]trainer[/] {card.Trainer} (seed {card.Seed}, {card.TrainingRows} rows, mlops {card.ToolVersion}, {RegistryText.Time(card.CreatedAt)})");
        foreach (var (name, value) in card.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            AnsiConsole.MarkupLineInterpolated($"  {name} = {value}");
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]metrics[/] train accuracy {Format.Number(card.TrainAccuracy)}, test accuracy {Format.Number(card.TestAccuracy)}");
    }

    private static void WriteValidations(IReadOnlyList<ValidationRecord> validations)
    {
        AnsiConsole.WriteLine();
        if (validations.Count == 0)
        {
            AnsiConsole.MarkupLine("[bold]validations[/] none");
            return;
        }

        var table = new Table().Title("validations");
        table.AddColumn("validated");
        table.AddColumn("data");
        table.AddColumn("data sha256");
        table.AddColumn("result");
        table.AddColumn("failed checks");
        foreach (var v in validations)
        {
            table.AddRow(
                RegistryText.Time(v.ValidatedAt),
                Markup.Escape(v.DataFile),
                RegistryText.Hash(v.DataSha256),
                v.Passed ? "[green]passed[/]" : "[red]failed[/]",
                Markup.Escape(v.Passed ? "-" : RegistryText.FailedInline(v.FailedChecks)));
        }

        AnsiConsole.Write(table);
    }

    private static void WriteHistory(IReadOnlyList<StageChange> history)
    {
        var table = new Table().Title("stage history");
        table.AddColumn("when");
        table.AddColumn("action");
        table.AddColumn("stage");
        table.AddColumn("by");
        table.AddColumn("reason");
        foreach (var change in history)
        {
            var stages = change.From is { } from ? $"{RegistryText.Stage(from)} → {RegistryText.Stage(change.To)}" : RegistryText.Stage(change.To);
            table.AddRow(
                RegistryText.Time(change.At),
                change.Action == StageAction.ForcedPromotion ? "[yellow]forced promotion[/]" : RegistryText.Action(change.Action),
                stages,
                Markup.Escape(change.User),
                Markup.Escape(change.Reason ?? ""));
        }

        AnsiConsole.Write(table);
    }
}
