using System.ComponentModel;

namespace Mlops.Serving.Endpoints;

// The shapes of the prediction API for the OpenAPI document. The endpoints read and write JSON by
// hand (to name the field of every error), so these types only describe it; their features and
// classes are the served problem's, filled in by ProblemApiSchemas.

/// <summary>One row: the served problem's features (see <see cref="ProblemApiSchemas"/>).</summary>
[Description("One row: a value for each feature of the served problem.")]
public sealed record PredictRequest;

/// <summary>The answer for one row.</summary>
[Description("The predicted class, its probabilities and who answered.")]
public sealed record PredictResponse(
    [property: Description("The class as the data writes it.")] object Category,
    [property: Description("Probability of each class, in the problem's class order; one-hot when the fallback rules answered.")] IReadOnlyList<double> Probabilities,
    [property: Description("ML, 'baseline - out of range', 'baseline - low probability' or 'baseline' (no model served).")] string Source,
    [property: Description("The served model version.")] string ModelVersion,
    [property: Description("Why the fallback rules answered; absent for ML answers.")] string? Reason,
    [property: Description("The feature outside what the model saw in training, for that fallback.")] string? Feature,
    [property: Description("The answer's identity (UUIDv7), the key a late label names.")] string PredictionId,
    [property: Description("The client's own key, when it sent one.")] string? RequestId);
