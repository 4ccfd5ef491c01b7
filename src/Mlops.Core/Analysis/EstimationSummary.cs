namespace Mlops.Core.Analysis;

/// <summary>How the performance estimate was calibrated.</summary>
/// <param name="CalibrationData">Which rows: the model's held-out test split of its training file, or the whole reference file.</param>
/// <param name="CalibrationRows">How many labeled rows.</param>
/// <param name="CalibratedClasses">Classes whose probability was recalibrated (NannyML's check); the others are used as the model gives them.</param>
/// <param name="ReferenceAccuracy">Realised accuracy on those rows.</param>
/// <param name="ReferenceEstimate">The estimate on the same rows.</param>
public sealed record EstimationSummary(string CalibrationData, int CalibrationRows, IReadOnlyList<string> CalibratedClasses, double ReferenceAccuracy, double ReferenceEstimate);
