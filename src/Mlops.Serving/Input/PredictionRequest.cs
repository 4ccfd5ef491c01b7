using Mlops.Core.Data;

namespace Mlops.Serving.Input;

/// <summary>One customer to predict: the six features and, if the client sent one, its own key (<c>request_id</c>).</summary>
public sealed record PredictionRequest(InsuranceFeatures Features, string? RequestId = null);
