using Mlops.Core.Models;

namespace Mlops.Serving.Fallback;

/// <summary>The service's answer for one customer: the prediction, who gave it and, for a fallback, why.</summary>
/// <param name="Prediction">Class and probabilities; one-hot when the baseline answered.</param>
/// <param name="Source">The model or which fallback.</param>
/// <param name="Reason">Why the baseline answered, in words; null for the model.</param>
/// <param name="Feature">The feature outside the training range, for that fallback.</param>
public sealed record RiskAnswer(RiskPrediction Prediction, AnswerSource Source, string? Reason = null, string? Feature = null);
