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
        table.AddRow("problem", Markup.Escape($"{card.ProblemOrInsurance.Name} ({string.Join(", ", card.ProblemOrInsurance.Label.Classes.Select(c => c.Name))})"));
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

        foreach (var (name, value) in card.Encoding?.Imputed ?? new Dictionary<string, double>())
        {
            table.AddRow($"missing {Markup.Escape(name)}", Markup.Escape($"imputed as {Imputed(card, name, value)}"));
        }

        if (card.MostFrequentClass is { } mostFrequent)
        {
            table.AddRow("most frequent class", Markup.Escape(mostFrequent));
        }

        table.AddRow("tool version", Markup.Escape(card.ToolVersion));
        return table;
    }

    /// <summary>A category by its name, a number as a number.</summary>
    private static string Imputed(ModelCard card, string feature, double value) =>
        card.ProblemOrInsurance.FindFeature(feature) is { Categories: { } categories } && value >= 0 && value < categories.Count
            ? categories[(int)value].Text
            : Format.Number(value);
}
