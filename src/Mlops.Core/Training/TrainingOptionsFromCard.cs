using System.Globalization;
using Mlops.Core.Models;

namespace Mlops.Core.Training;

/// <summary>
/// The training options a model card records (trainer, seed, split, hyper-parameters, dropped
/// features): to train another model the same way — a retrained candidate, or the fold models
/// that calibrate the performance estimate.
/// </summary>
public static class TrainingOptionsFromCard
{
    /// <exception cref="InvalidInputException">The card does not record how its model was trained.</exception>
    public static TrainingOptions Read(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var p = card.Parameters;
        var trainer = TrainerKinds.Parse(p.GetValueOrDefault("trainer", card.Trainer));
        var defaults = new TrainingOptions();
        return new TrainingOptions
        {
            Trainer = trainer,
            Seed = card.Seed,
            TestFraction = card.TestFraction,
            Features = FeatureSelection.Dropping(card.DroppedFeatures ?? []),
            L2Regularization = Number(p, "l2_regularization", defaults.L2Regularization, s => float.Parse(s, CultureInfo.InvariantCulture)),
            NumberOfLeaves = Number(p, "number_of_leaves", defaults.NumberOfLeaves, s => int.Parse(s, CultureInfo.InvariantCulture)),
            NumberOfIterations = Number(p, "number_of_iterations", defaults.NumberOfIterations, s => int.Parse(s, CultureInfo.InvariantCulture)),
            MinimumExampleCountPerLeaf = Number(p, "minimum_example_count_per_leaf", defaults.MinimumExampleCountPerLeaf, s => int.Parse(s, CultureInfo.InvariantCulture)),
            LearningRate = Number(p, "learning_rate", defaults.LearningRate, s => double.Parse(s, CultureInfo.InvariantCulture)),
        };
    }

    private static T Number<T>(IReadOnlyDictionary<string, string> parameters, string name, T fallback, Func<string, T> parse)
    {
        if (!parameters.TryGetValue(name, out var text))
        {
            return fallback;
        }

        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            throw new InvalidInputException($"model card parameter {name} = '{text}' is not a number", e);
        }
        catch (OverflowException e)
        {
            throw new InvalidInputException($"model card parameter {name} = '{text}' is out of range", e);
        }
    }
}
