using Mlops.Core.Lifecycle;
using Mlops.Core.Registry;
using Mlops.Core.Training;
using Mlops.Core.Validation;
using Spectre.Console;

namespace Mlops.Cli.Stack;

/// <summary>
/// Makes sure the registry has a model in production before the service starts, the way a person
/// would (through <see cref="ModelLifecycle"/>): train on the reference data, validate, register data and model, promote through the gate.
/// A model that fails its invariants is not promoted (the service would answer with the rules only).
/// </summary>
public static class ProductionModelBootstrap
{
    /// <summary>The production version: the one there, or a new one. Null when the new model failed the gate.</summary>
    public static string? EnsureProduction(ModelRegistry registry, string reference, string workFolder, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(console);
        if (registry.GetProduction() is { } production)
        {
            console.MarkupLineInterpolated($"model in production: [bold]{production.Model.Version}[/] ({production.Model.Card.Trainer}, trained on {Path.GetFileName(production.Model.Card.TrainingDataFile)})");
            return production.Model.Version;
        }

        console.MarkupLineInterpolated($"no model in production in {registry.Home}: training one on [bold]{reference}[/]");
        var folder = Path.Combine(workFolder, "bootstrap-model");
        try
        {
            var lifecycle = new ModelLifecycle(registry, InvariantSpec.Default);
            var result = lifecycle.TrainToProduction(reference, new TrainingOptions(), folder, reason: "mlops up: first model");
            var (card, version, report, promotion) = (result.Card, result.Version, result.Validation, result.Promotion);
            console.MarkupLineInterpolated($"  trained {card.Trainer}: train accuracy {card.TrainAccuracy:F3}, test {card.TestAccuracy:F3} ({result.TrainingTime.TotalSeconds:F1} s)");
            if (report.Passed)
            {
                console.MarkupLineInterpolated($"  registered as [bold]{version}[/]; validated on {Path.GetFileName(reference)}: all {report.Checks.Count} invariants hold");
            }
            else
            {
                console.MarkupLineInterpolated($"  registered as [bold]{version}[/]; validated on {Path.GetFileName(reference)}: [red]{report.Failed.Count()} of {report.Checks.Count} invariants fail[/] ({string.Join(", ", report.Failed.Select(c => c.Name))})");
            }

            if (!promotion.InProduction)
            {
                console.MarkupLineInterpolated($"  [red]the gate refused {version}[/]: {promotion.Gate.Reason}; the service answers with the rule model only");
                return null;
            }

            console.MarkupLineInterpolated($"  promoted [bold]{version}[/] to production (the gate passed)");
            return version;
        }
        finally
        {
            // The registry keeps its own copy of the model.
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
