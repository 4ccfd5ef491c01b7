using System.Globalization;
using Microsoft.ML;
using Mlops.Core.Data;

namespace Mlops.Core.Training;

/// <summary>
/// The feature engineering, as ML.NET transforms that are saved inside the model: a loaded model
/// turns the six raw inputs into its features by itself, so serving cannot drift from training.
/// </summary>
internal static class RiskFeaturePipeline
{
    public const string FeaturesColumn = "Features";

    /// <summary>The features the trainer sees, in order, for the model card.</summary>
    public static string Describe(RiskSweetSpots spots)
    {
        ArgumentNullException.ThrowIfNull(spots);
        return string.Join(", ",
            Feature.Training.Name,
            Feature.EmergencyBraking.Name,
            Feature.BrakingDistance.Name,
            $"|age - {Number(spots.Age)}|",
            $"|power - {Number(spots.Power)}|",
            $"|miles - {Number(spots.Miles)}|");
    }

    /// <summary>
    /// Distances from the sweet spots replace age, power and miles (risk is U-shaped in each, see
    /// <see cref="RiskSweetSpots"/>); the binary flags and braking distance (risk is linear in it)
    /// stay as they are. Everything is then standardised (mean 0, variance 1 over the training rows)
    /// so that one L2 penalty weighs all features alike.
    /// </summary>
    public static IEstimator<ITransformer> Create(MLContext context, RiskSweetSpots spots)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(spots);
        var transforms = context.Transforms;
        return transforms.Expression("age_distance", Distance(spots.Age), Feature.Age.Name)
            .Append(transforms.Expression("power_distance", Distance(spots.Power), Feature.Power.Name))
            .Append(transforms.Expression("miles_distance", Distance(spots.Miles), Feature.Miles.Name))
            .Append(transforms.Concatenate(
                FeaturesColumn,
                Feature.Training.Name,
                Feature.EmergencyBraking.Name,
                Feature.BrakingDistance.Name,
                "age_distance",
                "power_distance",
                "miles_distance"))
            .Append(transforms.NormalizeMeanVariance(FeaturesColumn));
    }

    private static string Distance(double spot) => $"x => abs(x - {Number(spot)})";

    private static string Number(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture);
}
