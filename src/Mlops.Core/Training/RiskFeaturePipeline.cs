using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
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
    public static string Describe(RiskSweetSpots spots) => Describe(spots, FeatureSelection.All);

    /// <summary>The engineered features of the selected inputs, in order, for the model card.</summary>
    public static string Describe(RiskSweetSpots spots, FeatureSelection selection)
    {
        ArgumentNullException.ThrowIfNull(spots);
        return string.Join(", ", Columns(spots, selection).Select(c => c.Description));
    }

    /// <summary>
    /// Distances from the sweet spots replace age, power and miles (risk is U-shaped in each, see
    /// <see cref="RiskSweetSpots"/>); the binary flags and braking distance (risk is linear in it)
    /// stay as they are. Everything is then standardised (mean 0, variance 1 over the training rows)
    /// so that one L2 penalty weighs all features alike.
    /// </summary>
    public static IEstimator<ITransformer> Create(MLContext context, RiskSweetSpots spots) => Create(context, spots, FeatureSelection.All);

    /// <summary>
    /// The same for the selected inputs only: a dropped input is not read by any transform, so the
    /// model ignores it while its input schema keeps all six columns.
    /// </summary>
    public static IEstimator<ITransformer> Create(MLContext context, RiskSweetSpots spots, FeatureSelection selection)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(spots);
        var transforms = context.Transforms;
        var columns = Columns(spots, selection);
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        foreach (var column in columns.Where(c => c.Expression is not null))
        {
            pipeline = pipeline.Append(transforms.Expression(column.Name, column.Expression!, column.Input));
        }

        return pipeline
            .Append(transforms.Concatenate(FeaturesColumn, [.. columns.Select(c => c.Name)]))
            .Append(transforms.NormalizeMeanVariance(FeaturesColumn));
    }

    /// <summary>
    /// The engineered columns in the order the model has always seen them: the flags and braking
    /// distance as they are, then the three distances.
    /// </summary>
    private static List<EngineeredColumn> Columns(RiskSweetSpots spots, FeatureSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var columns = new List<EngineeredColumn>();
        foreach (var raw in new[] { Feature.Training, Feature.EmergencyBraking, Feature.BrakingDistance })
        {
            if (selection.Uses(raw))
            {
                columns.Add(new EngineeredColumn(raw.Name, raw.Name, null, raw.Name));
            }
        }

        foreach (var (feature, spot) in new[] { (Feature.Age, spots.Age), (Feature.Power, spots.Power), (Feature.Miles, spots.Miles) })
        {
            if (selection.Uses(feature))
            {
                columns.Add(new EngineeredColumn($"{feature.Name}_distance", feature.Name, Distance(spot), $"|{feature.Name} - {Number(spot)}|"));
            }
        }

        return columns;
    }

    private static string Distance(double spot) => $"x => abs(x - {Number(spot)})";

    private static string Number(double value) => ((float)value).ToString("R", CultureInfo.InvariantCulture);

    /// <param name="Name">The engineered column.</param>
    /// <param name="Input">The raw input it reads.</param>
    /// <param name="Expression">ML.NET expression from the input, or null when the input is used as it is.</param>
    /// <param name="Description">How the model card names it.</param>
    private sealed record EngineeredColumn(string Name, string Input, string? Expression, string Description);
}
