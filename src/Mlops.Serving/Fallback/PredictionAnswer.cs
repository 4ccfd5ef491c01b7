using Mlops.Core.Models;

namespace Mlops.Serving.Fallback;

/// <summary>The service's answer for one row: the prediction, who gave it and, for a fallback, why.</summary>
/// <param name="Prediction">Class index and probabilities (indexed as the problem's classes); one-hot when the rules answered.</param>
/// <param name="Source">The model or which fallback.</param>
/// <param name="Reason">Why the rules answered, in words; null for the model.</param>
/// <param name="Feature">The feature outside what the model saw in training, for that fallback.</param>
public sealed record PredictionAnswer(ClassPrediction Prediction, AnswerSource Source, string? Reason = null, string? Feature = null);
