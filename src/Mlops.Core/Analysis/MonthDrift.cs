namespace Mlops.Core.Analysis;

/// <summary>The dataset verdict of one month: how many features drifted and whether the dataset did.</summary>
/// <param name="Month">The month.</param>
/// <param name="DriftedFeatures">Features that drifted.</param>
/// <param name="ShareOfDriftedFeatures">Their share of all features.</param>
/// <param name="DatasetDrift">Share ≥ the dataset threshold (Evidently: 0.5).</param>
/// <param name="PredictionDriftScore">Drift of the predicted classes against the model's predictions on the reference (with a model).</param>
/// <param name="PredictionDrifted">Whether the predicted classes drifted.</param>
public sealed record MonthDrift(int Month, int DriftedFeatures, double ShareOfDriftedFeatures, bool DatasetDrift, double? PredictionDriftScore, bool? PredictionDrifted);
