using System.Text.Json.Serialization;

namespace Mlops.Core.Problems;

/// <summary>
/// How a problem's model is trained by default (the problem file's <c>training</c>): the trainer, and
/// feature engineering the problem asks for. Absent: LightGBM on the features as they are (imputed, one-hot).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record TrainingSettings
{
    /// <summary>The trainer <c>mlops train</c> uses unless <c>--trainer</c> names another: <c>maxent</c> or <c>lightgbm</c>.</summary>
    public string? Trainer { get; init; }

    public FeatureEngineering? FeatureEngineering { get; init; }
}

/// <summary>Engineered features a problem turns on.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FeatureEngineering
{
    /// <summary>
    /// Numeric features whose risk is U-shaped: the model sees |x − spot| instead of x, the spot learned
    /// from the training rows (the talk's age, power and miles; see <c>Training.SweetSpots</c>).
    /// </summary>
    public IReadOnlyList<string>? SweetSpots { get; init; }

    /// <summary>An ignored column whose numbers locate the spots more precisely than the class (the seed's <c>risk</c>); optional.</summary>
    public string? SweetSpotTarget { get; init; }
}
