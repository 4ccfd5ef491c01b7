using Mlops.Cli.Infrastructure;
using Mlops.Core.Models;
using Spectre.Console;

namespace Mlops.Cli.Commands.Model;

/// <summary>A model card as a two-column table.</summary>
internal static class ModelCardView
{
    public static Table Table(ModelCard card)
    {
        var table = new Table().Title("[bold]model card[/]");
        table.AddColumn("field");
        table.AddColumn("value");
        table.AddRow("trainer", card.Trainer);
        table.AddRow("train accuracy", Format.Number(card.TrainAccuracy));
        table.AddRow("test accuracy", Format.Number(card.TestAccuracy));
        table.AddRow("training data", Markup.Escape($"{card.TrainingDataFile} ({card.TrainingRows} training rows, seed {card.Seed})"));
        table.AddRow("data sha-256", card.TrainingDataSha256);
        if (card.Parameters.TryGetValue("features", out var features))
        {
            table.AddRow("features", Markup.Escape(features));
        }

        if (card.DroppedFeatures is { Count: > 0 } dropped)
        {
            table.AddRow("dropped features", Markup.Escape(string.Join(", ", dropped) + " (taken as input, ignored)"));
        }

        foreach (var (name, range) in card.FeatureRanges)
        {
            table.AddRow($"range {Markup.Escape(name)}", $"{Format.Number(range.Min)} .. {Format.Number(range.Max)}");
        }

        table.AddRow("tool version", Markup.Escape(card.ToolVersion));
        return table;
    }
}
