using Mlops.Core.Models;
using Mlops.Core.Problems;
using Mlops.Core.Training;

namespace Mlops.Core.Estimation;

/// <summary>
/// Trains the fold models of <see cref="CrossFittedPredictions"/> the way the card says its model was
/// trained: the one trainer (<see cref="ProblemModelTrainer.FitRows"/>) with the card's options, on the
/// problem's features with the feature engineering its problem file turns on (the talk's sweet spots,
/// located by the file's risk score).
/// </summary>
public static class FoldTrainer
{
    /// <param name="card">The model's card: trainer, hyper-parameters, seed.</param>
    /// <param name="data">The labeled rows the folds are cut from.</param>
    /// <param name="scores">Per row, the score its label was cut from (the seed's risk), when the file has one.</param>
    /// <exception cref="InvalidInputException">The card does not record how its model was trained.</exception>
    public static Func<IReadOnlyList<int>, IClassifier> For(ModelCard card, ProblemDataset data, IReadOnlyList<double>? scores)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(data);
        var options = TrainingOptionsFromCard.Read(card);
        var withTarget = WithTarget(data, scores);
        return rows => ProblemModelTrainer.FitRows(withTarget, rows, options);
    }

    /// <summary>The data with the scores as its sweet-spot target, when its problem names one and the data does not carry it yet.</summary>
    private static ProblemDataset WithTarget(ProblemDataset data, IReadOnlyList<double>? scores)
    {
        var target = data.Schema.Training?.FeatureEngineering?.SweetSpotTarget;
        if (target is null || scores is null || data.IgnoredNumbers(target) is not null)
        {
            return data;
        }

        var features = Enumerable.Range(0, data.Schema.Features.Count).Select(f => data.Feature(f).ToArray()).ToArray();
        return new ProblemDataset(data.Name, data.Schema, features, data.Labels.ToArray(), data.Ids?.ToArray(),
            data.UnlabeledRows, new Dictionary<string, double[]>(StringComparer.OrdinalIgnoreCase) { [target] = [.. scores] });
    }
}
