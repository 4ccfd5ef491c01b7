using System.ComponentModel;

namespace Mlops.Serving.Endpoints;

// The shapes of the prediction API for the OpenAPI document. The endpoints read and write JSON by
// hand (to name the field of every error), so these types only describe it.

/// <summary>One customer: the six features. Flags may be 0/1 or true/false; the seed's <c>emergency_breaking</c> is accepted too.</summary>
[Description("One customer: the six features.")]
public sealed record PredictRequest(
    [property: Description("Driver took a safety training: 0 or 1.")] int Training,
    [property: Description("Age in years.")] double Age,
    [property: Description("Car has an emergency-braking assistant: 0 or 1.")] int EmergencyBraking,
    [property: Description("Braking distance in m.")] double BrakingDistance,
    [property: Description("Engine power in kW.")] double Power,
    [property: Description("Thousand miles per year; never negative.")] double Miles);

/// <summary>The answer for one customer.</summary>
[Description("The risk class, its probabilities and who answered.")]
public sealed record PredictResponse(
    [property: Description("0 = high, 1 = medium, 2 = low risk.")] int Category,
    [property: Description("high, medium or low.")] string Risk,
    [property: Description("Probability of high, medium, low; one-hot when the baseline answered.")] IReadOnlyList<double> Probabilities,
    [property: Description("ML, 'baseline - out of range', 'baseline - low probability' or 'baseline' (no model served).")] string Source,
    [property: Description("The served model version.")] string ModelVersion,
    [property: Description("Why the baseline answered; absent for ML answers.")] string? Reason,
    [property: Description("The feature outside the training range, for that fallback.")] string? Feature);
