namespace Mlops.Core.Estimation;

/// <summary>The accuracy CBPE expects on a set of predictions whose ground truth is not known yet.</summary>
/// <param name="Estimated">Mean calibrated probability of the predicted class.</param>
/// <param name="StandardError">
/// The spread the realised accuracy would have around the estimate if the calibration holds: each row
/// is right with its calibrated probability p, so the count of right rows has variance Σ p(1 − p).
/// </param>
/// <param name="Rows">Predictions the estimate is made from.</param>
public sealed record AccuracyEstimate(double Estimated, double StandardError, int Rows);
