namespace Mlops.Core.Analysis;

/// <summary>The model's accuracy in one month: estimated at once, realised when the labels have arrived.</summary>
/// <param name="Month">The month.</param>
/// <param name="LabelsArriveAt">When its ground truth arrives.</param>
/// <param name="LabelsAvailable">Whether it has arrived at the analysis's "now" (and the file holds it).</param>
/// <param name="RealisedAccuracy">Accuracy on the labels; null until they are available.</param>
/// <param name="BaselineAccuracy">The rule baseline's accuracy on the same labels.</param>
/// <param name="EstimatedAccuracy">CBPE's estimate from the calibrated probabilities (no labels needed).</param>
/// <param name="EstimateStandardError">The estimate's standard error if calibration holds.</param>
public sealed record MonthPerformance(
    int Month,
    int LabelsArriveAt,
    bool LabelsAvailable,
    double? RealisedAccuracy,
    double? BaselineAccuracy,
    double? EstimatedAccuracy,
    double? EstimateStandardError)
{
    /// <summary>Estimate − realised: positive when the estimate was too optimistic.</summary>
    public double? EstimateError => EstimatedAccuracy is { } e && RealisedAccuracy is { } r ? e - r : null;
}
