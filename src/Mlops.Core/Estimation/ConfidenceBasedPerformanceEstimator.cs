using Mlops.Core.Models;

namespace Mlops.Core.Estimation;

/// <summary>
/// Confidence-based performance estimation (NannyML's CBPE) for accuracy: while the ground truth of
/// production is two years away, the model's own calibrated probabilities say how often it should be
/// right. Expected accuracy = mean over rows of the calibrated probability of the predicted class.
/// Any problem with k ≥ 2 classes: the calibration is one-vs-rest per class, as NannyML's multiclass CBPE.
/// </summary>
/// <remarks>
/// The assumption: only the inputs drift (covariate shift), P(class | inputs) stays as in the reference.
/// Then a calibrated model knows how sure it may be, wherever the inputs move. Under concept drift —
/// the same inputs now mean another risk, as when the driver's own skill matters less each month — the
/// probabilities are calibrated for a world that is gone and the estimate is too optimistic; only the
/// labels, when they arrive, show the real accuracy.
/// </remarks>
public sealed class ConfidenceBasedPerformanceEstimator
{
    private ConfidenceBasedPerformanceEstimator(ProbabilityCalibration calibration, double referenceAccuracy, AccuracyEstimate referenceEstimate)
    {
        Calibration = calibration;
        ReferenceAccuracy = referenceAccuracy;
        ReferenceEstimate = referenceEstimate;
    }

    public ProbabilityCalibration Calibration { get; }

    /// <summary>The realised accuracy on the rows the calibration was fitted on.</summary>
    public double ReferenceAccuracy { get; }

    /// <summary>The estimate on those rows (close to <see cref="ReferenceAccuracy"/> by construction).</summary>
    public AccuracyEstimate ReferenceEstimate { get; }

    /// <summary>Fits the calibration on the model's predictions for labeled rows it did not learn from.</summary>
    /// <param name="predictions">The model's predictions for labeled rows it did not learn from.</param>
    /// <param name="labels">Their true class indices.</param>
    /// <param name="classCount">The problem's number of classes.</param>
    /// <param name="seed">Seeds the calibration check.</param>
    public static ConfidenceBasedPerformanceEstimator Fit(IReadOnlyList<ClassPrediction> predictions, IReadOnlyList<int> labels, int classCount, int seed = 42)
    {
        var calibration = ProbabilityCalibration.Fit(predictions, labels, classCount, seed);
        var referenceAccuracy = Accuracy.Of(predictions, labels.ToArray(), Enumerable.Range(0, predictions.Count));
        var estimator = new ConfidenceBasedPerformanceEstimator(calibration, referenceAccuracy, new AccuracyEstimate(double.NaN, double.NaN, 0));
        return new ConfidenceBasedPerformanceEstimator(calibration, referenceAccuracy, estimator.EstimateAccuracy(predictions));
    }

    /// <summary>The expected accuracy of these predictions, with its standard error.</summary>
    public AccuracyEstimate EstimateAccuracy(IReadOnlyList<ClassPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return new AccuracyEstimate(double.NaN, double.NaN, 0);
        }

        double sum = 0, variance = 0;
        foreach (var prediction in predictions)
        {
            var p = ExpectedCorrect(prediction);
            sum += p;
            variance += p * (1 - p);
        }

        var n = predictions.Count;
        return new AccuracyEstimate(sum / n, Math.Sqrt(variance) / n, n);
    }

    /// <summary>How likely one prediction is right, by the calibration: its share of the estimate.</summary>
    public double ExpectedCorrect(ClassPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return Calibration.Calibrate(prediction)[prediction.Class];
    }
}
