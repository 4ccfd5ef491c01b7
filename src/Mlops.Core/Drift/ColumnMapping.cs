using Mlops.Core.Data;
using Mlops.Core.Problems;

namespace Mlops.Core.Drift;

/// <summary>
/// Which columns the drift monitor compares (Evidently's <c>ColumnMapping</c>): the features, and
/// optionally the model's prediction. The prediction is reported as prediction drift on its own and is
/// not counted in the share of drifted columns that decides dataset drift, as Evidently's data-drift
/// monitor counts features only. A reference file rarely holds predictions (the seed's does not); then
/// the reference's <see cref="Target"/> labels stand in: the classes the model was trained to predict,
/// whose distribution a valid model reproduces (balanced classes, accuracy ≈ 0.9).
/// </summary>
public sealed record ColumnMapping(IReadOnlyList<DriftColumn> Features, DriftColumn? Prediction = null, string? Target = null)
{
    /// <summary>The column holding the predicted class in the seed's monitoring data.</summary>
    public const string PredictionColumn = "prediction";

    /// <summary>
    /// The insurance case: <c>training</c> and <c>emergency_braking</c> categorical, <c>age</c>,
    /// <c>braking_distance</c>, <c>power</c>, <c>miles</c> numerical, <c>prediction</c> (0/1/2) categorical,
    /// and the label <c>group</c> as target.
    /// </summary>
    public static ColumnMapping Insurance { get; } = For(ProblemSchema.Insurance, withPrediction: true);

    /// <summary>
    /// Any problem: numeric features numerical, binary and categorical ones categorical (as Evidently
    /// treats a column with few values), the label as target; with <paramref name="withPrediction"/> the
    /// <c>prediction</c> column (class index) categorical.
    /// </summary>
    public static ColumnMapping For(ProblemSchema schema, bool withPrediction = false)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new(
            [.. schema.Features.Select(f => new DriftColumn(f.Name, f.Kind == FeatureType.Numeric ? FeatureKind.Numerical : FeatureKind.Categorical))],
            withPrediction ? new DriftColumn(PredictionColumn, FeatureKind.Categorical) : null,
            schema.Label.Column);
    }

    /// <summary>Every column name the mapping reads: features, then the prediction if any.</summary>
    public IEnumerable<DriftColumn> AllColumns => Prediction is null ? Features : [.. Features, Prediction];

    /// <summary>A copy with per-column test and threshold overrides applied (unknown column names are an error).</summary>
    public ColumnMapping WithOverrides(IReadOnlyDictionary<string, ColumnOverride>? overrides)
    {
        if (overrides is null || overrides.Count == 0)
        {
            return this;
        }

        var known = AllColumns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = overrides.Keys.FirstOrDefault(k => !known.Contains(k));
        if (unknown is not null)
        {
            throw new InvalidInputException($"override for column '{unknown}', which is not monitored (columns: {string.Join(", ", known)})");
        }

        DriftColumn Apply(DriftColumn c) => overrides.TryGetValue(c.Name, out var o)
            ? c with { Test = o.Test ?? c.Test, Threshold = o.Threshold ?? c.Threshold }
            : c;

        return new ColumnMapping([.. Features.Select(Apply)], Prediction is null ? null : Apply(Prediction), Target);
    }
}

/// <summary>A configured test and/or threshold for one column.</summary>
public sealed record ColumnOverride(string? Test = null, double? Threshold = null);
