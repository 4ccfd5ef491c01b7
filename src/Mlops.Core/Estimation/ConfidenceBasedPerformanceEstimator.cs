using Mlops.Core.Data;
using Mlops.Core.Models;

namespace Mlops.Core.Estimation;

/// <summary>
/// Confidence-based performance estimation (NannyML's CBPE) for accuracy: while the ground truth of
/// production is two years away, the model's own calibrated probabilities say how often it should be
/// right. Expected accuracy = mean over rows of the calibrated probability of the predicted class.
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
    public static ConfidenceBasedPerformanceEstimator Fit(IReadOnlyList<RiskPrediction> predictions, IReadOnlyList<RiskGroup> labels, int seed = 42)
    {
        var calibration = ProbabilityCalibration.Fit(predictions, labels, seed);
        var estimator = new ConfidenceBasedPerformanceEstimator(calibration, Accuracy.Of(predictions, labels), new AccuracyEstimate(double.NaN, double.NaN, 0));
        return new ConfidenceBasedPerformanceEstimator(calibration, estimator.ReferenceAccuracy, estimator.EstimateAccuracy(predictions));
    }

    /// <summary>The expected accuracy of these predictions, with its standard error.</summary>
    public AccuracyEstimate EstimateAccuracy(IReadOnlyList<RiskPrediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
        {
            return new AccuracyEstimate(double.NaN, double.NaN, 0);
        }

        double sum = 0, variance = 0;
        foreach (var prediction in predictions)
        {
            var p = Calibration.Calibrate(prediction)[(int)prediction.Group];
            sum += p;
            variance += p * (1 - p);
        }

        var n = predictions.Count;
        return new AccuracyEstimate(sum / n, Math.Sqrt(variance) / n, n);
    }
}
