namespace Mlops.Core.Analysis;

/// <summary>How the performance estimate was calibrated.</summary>
/// <param name="CalibrationData">Which rows and predictions: cross-fitted predictions of the model's training file, or the model's predictions of another labeled reference.</param>
/// <param name="CalibrationRows">How many labeled rows.</param>
/// <param name="CalibratedClasses">Classes whose probability was recalibrated (NannyML's check); the others are used as the model gives them.</param>
/// <param name="ReferenceAccuracy">Realised accuracy on those rows.</param>
/// <param name="ReferenceEstimate">The estimate on the same rows.</param>
public sealed record EstimationSummary(string CalibrationData, int CalibrationRows, IReadOnlyList<string> CalibratedClasses, double ReferenceAccuracy, double ReferenceEstimate);
