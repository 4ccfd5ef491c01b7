using Mlops.Core.Data;
using Mlops.Core.Estimation;
using Mlops.Core.Models;
using Mlops.Core.Training;

namespace Mlops.Core.Analysis;

/// <summary>
/// The one way the label-free performance estimate (CBPE) is calibrated, for <c>analyze</c>,
/// <c>performance</c> and the monitor alike, so their estimates of the same rows agree.
/// </summary>
public static class ReferenceCalibration
{
    /// <summary>
    /// Calibrates on labeled reference rows the model did not learn from. When the reference is the
    /// model's training file (same SHA-256), every row gets an out-of-fold prediction from a model
    /// trained the same way (the card's options) on the other folds: 1,500 rows calibrate instead of
    /// the 300 of the test split — with 300, isotonic calibration was off by up to 0.03 on the seed's
    /// data. Another labeled reference file was not learned from at all: all its rows, predicted by the model.
    /// </summary>
    /// <param name="reference">Labeled reference rows; without labels there is no estimate (a note says so).</param>
    /// <param name="referenceSha256">The reference file's SHA-256, to recognise the model's training file.</param>
    /// <param name="predictions">The model's predictions of the reference rows, in order.</param>
    /// <param name="card">The model's card (its training file's hash and options).</param>
    /// <param name="seed">Seeds the calibration check.</param>
    /// <param name="notes">Receives why the estimate is skipped, if it is.</param>
    /// <param name="summary">How it was calibrated.</param>
    public static ConfidenceBasedPerformanceEstimator? Fit(
        InsuranceDataset reference, string? referenceSha256, IReadOnlyList<RiskPrediction> predictions, ModelCard card, int seed, ICollection<string> notes, out EstimationSummary? summary)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(notes);
        summary = null;
        if (!reference.IsLabeled)
        {
            notes.Add($"{reference.Name} has no labels: the performance estimate needs labeled reference rows to calibrate on and is skipped");
            return null;
        }

        var labels = reference.Labels();
        var isTrainingFile = referenceSha256 is not null && string.Equals(referenceSha256, card.TrainingDataSha256, StringComparison.OrdinalIgnoreCase);
        var calibrationPredictions = predictions;
        string description = $"all {reference.Count} rows of {reference.Name} (not the model's training file), predicted by the model";
        if (isTrainingFile)
        {
            calibrationPredictions = CrossFittedPredictions.Of(reference, TrainingOptionsFromCard.Read(card));
            description = $"{CrossFittedPredictions.DefaultFolds}-fold cross-fitted predictions of all {reference.Count} rows of {reference.Name} (the model's training file), by models trained as the card says";
        }

        var estimator = ConfidenceBasedPerformanceEstimator.Fit(calibrationPredictions, labels, seed);
        summary = new EstimationSummary(
            description,
            reference.Count,
            [.. RiskGroups.All.Where(estimator.Calibration.IsCalibrated).Select(g => g.Name())],
            estimator.ReferenceAccuracy,
            estimator.ReferenceEstimate.Estimated);
        return estimator;
    }
}
