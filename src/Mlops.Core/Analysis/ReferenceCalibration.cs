using Mlops.Core.Estimation;
using Mlops.Core.Models;

namespace Mlops.Core.Analysis;

/// <summary>
/// The one way the label-free performance estimate (CBPE) is calibrated, for <c>analyze</c>,
/// <c>performance</c> and the monitor alike and for any problem, so their estimates of the same rows agree.
/// </summary>
public static class ReferenceCalibration
{
    /// <summary>
    /// Calibrates on labeled reference rows the model did not learn from. When the reference is the
    /// model's training file (same SHA-256), every row gets an out-of-fold prediction from a model
    /// trained the same way (the card's trainer and options, <see cref="FoldTrainer"/>) on the other folds:
    /// 1,500 rows calibrate instead of the 300 of the test split — with 300, isotonic calibration was off
    /// by up to 0.03 on the seed's data. Another labeled reference file was not learned from at all: all
    /// its rows, predicted by the model.
    /// </summary>
    /// <param name="reference">Labeled reference rows (with their scores, if the file has them); without labels there is no estimate (a note says so).</param>
    /// <param name="referenceSha256">The reference file's SHA-256, to recognise the model's training file.</param>
    /// <param name="predictions">The model's predictions of the reference rows, in order.</param>
    /// <param name="card">The model's card (its problem, training file's hash and options).</param>
    /// <param name="seed">Seeds the calibration check.</param>
    /// <param name="notes">Receives why the estimate is skipped, if it is.</param>
    /// <param name="summary">How it was calibrated.</param>
    public static ConfidenceBasedPerformanceEstimator? Fit(
        ProblemMonth reference, string? referenceSha256, IReadOnlyList<ClassPrediction> predictions, ModelCard card, int seed, ICollection<string> notes, out EstimationSummary? summary)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(notes);
        summary = null;
        var data = reference.Data;
        if (!data.IsLabeled)
        {
            notes.Add($"{data.Name} has no labels: the performance estimate needs labeled reference rows to calibrate on and is skipped");
            return null;
        }

        var classes = card.ProblemOrInsurance.Label.Classes;
        var labels = data.Labels.ToArray();
        var isTrainingFile = referenceSha256 is not null && string.Equals(referenceSha256, card.TrainingDataSha256, StringComparison.OrdinalIgnoreCase);
        var calibrationPredictions = predictions;
        string description = $"all {data.RowCount} rows of {data.Name} (not the model's training file), predicted by the model";
        if (isTrainingFile)
        {
            calibrationPredictions = CrossFittedPredictions.Of(data, FoldTrainer.For(card, data, reference.Scores), card.Seed);
            description = $"{CrossFittedPredictions.DefaultFolds}-fold cross-fitted predictions of all {data.RowCount} rows of {data.Name} (the model's training file), by models trained as the card says";
        }

        var estimator = ConfidenceBasedPerformanceEstimator.Fit(calibrationPredictions, labels, classes.Count, seed);
        summary = new EstimationSummary(
            description,
            data.RowCount,
            [.. Enumerable.Range(0, classes.Count).Where(estimator.Calibration.IsCalibrated).Select(c => classes[c].Name)],
            estimator.ReferenceAccuracy,
            estimator.ReferenceEstimate.Estimated);
        return estimator;
    }
}
