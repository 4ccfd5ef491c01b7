using Mlops.Cli.Commands.Model;
using Mlops.Cli.Commands.Registry;
using Mlops.Cli.Infrastructure;
using Mlops.Core.Lifecycle;
using Mlops.Core.Models;
using Mlops.Core.Registry;
using Mlops.Core.Training;
using Mlops.Core.Validation;

namespace Mlops.Cli.Demo;

/// <summary>
/// Phase II — professionalisation: the notebook became a library and scripts. Train on the reference
/// data, validate the invariants, register data and model, promote through the gate — what
/// <c>mlops train --register</c>, <c>mlops validate</c> and <c>mlops registry promote</c> do, through
/// the same Core calls (<see cref="ModelLifecycle"/>).
/// </summary>
public sealed class PhaseTwo(DemoNarrator narrator, ModelRegistry registry, string modelFolder)
{
    public const string Title = "Phase II — professionalisation";

    private readonly ModelLifecycle _lifecycle = new(registry, InvariantSpec.Default);

    public ModelCard Train(string referenceFile, CancellationToken cancellationToken)
    {
        narrator.Step($"train -d {Path.GetFileName(referenceFile)} -m classifier");
        var card = ModelLifecycle.Train(referenceFile, new TrainingOptions(), modelFolder, cancellationToken: cancellationToken);
        narrator.Say($"trained {card.Trainer} on {card.TrainingRows} rows (stratified 80/20 split): train accuracy [bold]{Format.Number(card.TrainAccuracy)}[/], test [bold]{Format.Number(card.TestAccuracy)}[/]");
        return card;
    }

    public ValidationReport Validate(string referenceFile)
    {
        narrator.Step($"validate -d {Path.GetFileName(referenceFile)} -m classifier");
        narrator.Explain("the model's invariants as a quality gate: accuracy band, no overfitting, balanced classes, certainty");
        var report = _lifecycle.Validate(modelFolder, referenceFile, "classifier");
        ValidationReportView.Write(narrator.Console, report);
        return report;
    }

    /// <summary>Registers data and model (outside git, by content hash), records the validation, and asks the gate.</summary>
    public PromotionResult Promote(string referenceFile, ValidationReport validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        narrator.Step("register data and model, promote through the gate");
        narrator.Explain("models and data are big or binary: versioned in the registry, not in git");
        var version = _lifecycle.Admit(modelFolder, referenceFile, validation);
        var promotion = _lifecycle.Promote(version, reason: "mlops demo: the first model");
        PromotionView.Write(narrator.Console, promotion);
        return promotion;
    }
}
