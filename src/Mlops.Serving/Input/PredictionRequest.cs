namespace Mlops.Serving.Input;

/// <summary>
/// One row to predict: the feature vector of the served problem (its feature order; binary 0/1,
/// categorical as the category's index, missing NaN: what <see cref="Core.Models.IClassifier.Predict"/> takes)
/// and, if the client sent one, its own key (<c>request_id</c>).
/// </summary>
public sealed record PredictionRequest(double[] Features, string? RequestId = null);
