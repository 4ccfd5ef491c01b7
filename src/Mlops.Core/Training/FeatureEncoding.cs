using System.Globalization;
using Mlops.Core.Problems;

namespace Mlops.Core.Training;

/// <summary>
/// How the trainer turns a problem's feature vector (<see cref="Models.IClassifier"/>'s: numbers, binary
/// 0/1, category index, NaN for missing) into the numbers its model reads: a missing value becomes the
/// value imputed from the training data (median of a number, most frequent value of a binary or
/// categorical feature), numbers and binary values go in as they are, a categorical feature becomes one
/// 0/1 column per category of the schema (one-hot). When the problem turns sweet spots on, each such
/// feature becomes its distance from the spot learned in training, |x − spot|, after the other features
/// (<see cref="SweetSpots"/>); a dropped feature (<c>--drop</c>) is not read at all. It travels on the model
/// card, so whoever predicts imputes and engineers exactly what training did.
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

    /// <summary>
    /// The learned sweet spots, in the order of the problem file's <c>sweet_spots</c> (a dropped feature has
    /// none); their distances follow the other features. Null when the problem turns none on.
    /// </summary>
    public IReadOnlyList<SweetSpot>? SweetSpots { get; init; }

    /// <summary>Features the model does not read (trained with <c>--drop</c>); null for none.</summary>
    public IReadOnlyList<string>? Dropped { get; init; }

    /// <summary>The width of the encoded row of <paramref name="problem"/>: one column per number or flag, one per category.</summary>
    public static int WidthOf(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Features.Sum(ColumnsOf);
    }

    /// <summary>The width of this encoding of <paramref name="problem"/>: the plain columns of the features read as they are, one per sweet spot.</summary>
    public int WidthFor(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return Plain(problem).Sum(f => ColumnsOf(problem.Features[f])) + (SweetSpots?.Count ?? 0);
    }

    /// <summary>
    /// Encodes one row (see <see cref="RowEncoder.Encode"/>); to encode many rows, prepare a
    /// <see cref="For"/> once.
    /// </summary>
    public void Encode(ProblemSchema problem, ReadOnlySpan<double> features, Span<float> encoded) => For(problem).Encode(features, encoded);

    /// <summary>This encoding prepared for <paramref name="problem"/>: which vector value goes where, worked out once.</summary>
    public RowEncoder For(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var plain = Plain(problem).ToArray();
        var spots = (SweetSpots ?? []).Select(s => problem.FeatureIndex(s.Feature)).ToArray();
        var all = plain.Concat(spots).ToArray();
        return new RowEncoder(
            [.. all.Select(f => problem.Features[f].Kind == FeatureType.Categorical ? ColumnsOf(problem.Features[f]) : 0)],
            [.. all.Select(f => Imputed.TryGetValue(problem.Features[f].Name, out var value) ? value : double.NaN)],
            [.. all.Select(f => problem.Features[f].Missing == MissingValuePolicy.Reject ? problem.Features[f].Name : null)],
            all,
            plain.Length,
            [.. (SweetSpots ?? []).Select(s => (float)s.Spot)],
            WidthFor(problem));
    }

    /// <summary>The names of the encoded columns of the default encoding, for the card: <c>sepal_length</c>, <c>color=red</c>.</summary>
    public static IEnumerable<string> ColumnNames(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new FeatureEncoding { Imputed = new Dictionary<string, double>(), Width = WidthOf(problem) }.Describe(problem);
    }

    /// <summary>The encoded columns in order, for the card: <c>training</c>, <c>color=red</c>, <c>|age - 35|</c>.</summary>
    public IEnumerable<string> Describe(ProblemSchema problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        foreach (var f in Plain(problem))
        {
            var feature = problem.Features[f];
            if (feature.Kind == FeatureType.Categorical)
            {
                foreach (var category in feature.Categories ?? [])
                {
                    yield return $"{feature.Name}={category.Text}";
                }
            }
            else
            {
                yield return feature.Name;
            }
        }

        foreach (var spot in SweetSpots ?? [])
        {
            yield return $"|{spot.Feature} - {((float)spot.Spot).ToString("R", CultureInfo.InvariantCulture)}|";
        }
    }

    /// <summary>True unless the feature is dropped or engineered into a distance.</summary>
    private bool ReadsAsIs(string feature) =>
        !(Dropped ?? []).Contains(feature, StringComparer.OrdinalIgnoreCase)
        && !(SweetSpots ?? []).Any(s => s.Feature.Equals(feature, StringComparison.OrdinalIgnoreCase));

    private IEnumerable<int> Plain(ProblemSchema problem) =>
        Enumerable.Range(0, problem.Features.Count).Where(f => ReadsAsIs(problem.Features[f].Name));

    private static int ColumnsOf(FeatureDefinition feature) =>
        feature.Kind == FeatureType.Categorical ? Math.Max(1, feature.Categories?.Count ?? 0) : 1;
}

/// <summary>Where a U-shaped feature's risk is lowest: the model reads |x − <paramref name="Spot"/>|.</summary>
/// <param name="Feature">The feature's name in the problem.</param>
/// <param name="Spot">The spot learned from the training rows.</param>
public sealed record SweetSpot(string Feature, double Spot);

/// <summary>
/// A <see cref="FeatureEncoding"/> prepared for one problem: the service encodes every request with it, so
/// nothing is looked up by name per row.
/// </summary>
public sealed class RowEncoder
{
    private readonly int[] _categories;
    private readonly double[] _imputed;
    private readonly string?[] _rejectsMissing;
    private readonly int[] _source;
    private readonly int _plain;
    private readonly float[] _spots;

    internal RowEncoder(int[] categories, double[] imputed, string?[] rejectsMissing, int[] source, int plain, float[] spots, int width)
    {
        _categories = categories;
        _imputed = imputed;
        _rejectsMissing = rejectsMissing;
        _source = source;
        _plain = plain;
        _spots = spots;
        Width = width;
    }

    /// <summary>How many numbers an encoded row has.</summary>
    public int Width { get; }

    /// <summary>
    /// Encodes one row: the features read as they are, in the problem's order, then the distances from the
    /// sweet spots (as floats: <c>|(float)x − (float)spot|</c>, the arithmetic the talk's models did inside
    /// ML.NET). A missing value becomes the imputed value; a category index outside the schema sets no
    /// one-hot column.
    /// </summary>
    /// <exception cref="ArgumentException">A feature whose policy rejects missing values is missing (NaN).</exception>
    public void Encode(ReadOnlySpan<double> features, Span<float> encoded)
    {
        encoded.Clear();
        var column = 0;
        for (var i = 0; i < _source.Length; i++)
        {
            var value = features[_source[i]];
            if (double.IsNaN(value))
            {
                value = _rejectsMissing[i] is { } name
                    ? throw new ArgumentException($"feature '{name}' is missing, and the problem's policy for it is reject", nameof(features))
                    : _imputed[i];
            }

            if (i >= _plain)
            {
                encoded[column++] = MathF.Abs((float)value - _spots[i - _plain]);
            }
            else if (_categories[i] > 0)
            {
                if (value >= 0 && value < _categories[i] && value == Math.Floor(value))
                {
                    encoded[column + (int)value] = 1;
                }

                column += _categories[i];
            }
            else
            {
                encoded[column++] = (float)value;
            }
        }
    }
}
