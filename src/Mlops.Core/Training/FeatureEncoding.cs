using Mlops.Core.Problems;

namespace Mlops.Core.Training;

/// <summary>
/// How the default trainer turns a problem's feature vector (<see cref="Models.IClassifier"/>'s: numbers,
/// binary 0/1, category index, NaN for missing) into the numbers its model reads: a missing value becomes
/// the value imputed from the training data (median of a number, most frequent value of a binary or
/// categorical feature), numbers and binary values go in as they are, a categorical feature becomes one
/// 0/1 column per category of the schema (one-hot). It travels on the model card, so whoever predicts
/// imputes exactly what training imputed.
/// </summary>
public sealed record FeatureEncoding
{
    /// <summary>The encoding's name on the card.</summary>
    public const string OneHot = "one_hot";

    /// <summary>What the encoding does, e.g. <see cref="OneHot"/>.</summary>
    public string Kind { get; init; } = OneHot;

    /// <summary>
    /// Per feature whose policy imputes, the vector value a missing value becomes: a number, 0/1, or the
    /// category's index in the schema.
    /// </summary>
    public required IReadOnlyDictionary<string, double> Imputed { get; init; }

    /// <summary>How many numbers the model reads per row.</summary>
    public required int Width { get; init; }

    /// <summary>The width of the encoded row of <paramref name="problem"/>: one column per number or flag, one per category.</summary>
    public static int WidthOf(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Features.Sum(f => f.Kind == FeatureType.Categorical ? Math.Max(1, f.Categories?.Count ?? 0) : 1);
    }

    /// <summary>
    /// Encodes one row. A missing value of a feature without an imputed value stays NaN (the trees treat it
    /// as missing); a category index outside the schema sets no one-hot column.
    /// </summary>
    public void Encode(ProblemSchema problem, ReadOnlySpan<double> features, Span<float> encoded)
    {
        ArgumentNullException.ThrowIfNull(problem);
        encoded.Clear();
        var column = 0;
        for (var f = 0; f < problem.Features.Count; f++)
        {
            var feature = problem.Features[f];
            var value = features[f];
            if (double.IsNaN(value) && Imputed.TryGetValue(feature.Name, out var imputed))
            {
                value = imputed;
            }

            if (feature.Kind == FeatureType.Categorical)
            {
                var count = Math.Max(1, feature.Categories?.Count ?? 0);
                if (value >= 0 && value < count && value == Math.Floor(value))
                {
                    encoded[column + (int)value] = 1;
                }

                column += count;
            }
            else
            {
                encoded[column++] = (float)value;
            }
        }
    }

    /// <summary>The names of the encoded columns, for the card: <c>sepal_length</c>, <c>color=red</c>.</summary>
    public static IEnumerable<string> ColumnNames(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Features.SelectMany(f =>
            f.Kind == FeatureType.Categorical ? (f.Categories ?? []).Select(c => $"{f.Name}={c.Text}") : [f.Name]);
    }
}
