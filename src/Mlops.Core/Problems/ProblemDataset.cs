using Mlops.Core.Drift;

namespace Mlops.Core.Problems;

/// <summary>
/// A data file read through its problem: one column of numbers per feature, in the problem's order
/// (binary as 0/1, categorical as the index of the category in the schema, missing as NaN), the class
/// index of each row's label when the file has one, and the id column if the problem names one.
/// Drift reads it as columns by feature name.
/// </summary>
public sealed class ProblemDataset : IColumnarData
{
    private readonly double[][] _features;
    private readonly int[]? _labels;

    public ProblemDataset(string name, ProblemSchema schema, double[][] features, int[]? labels = null, string[]? ids = null, int unlabeledRows = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length != schema.Features.Count)
        {
            throw new ArgumentException($"{features.Length} feature columns for {schema.Features.Count} features", nameof(features));
        }

        RowCount = features.Length == 0 ? 0 : features[0].Length;
        if (features.Any(c => c.Length != RowCount) || (labels is not null && labels.Length != RowCount) || (ids is not null && ids.Length != RowCount))
        {
            throw new ArgumentException("all columns must have the same length", nameof(features));
        }

        Name = name;
        Schema = schema;
        _features = features;
        _labels = labels;
        Ids = ids;
        UnlabeledRows = unlabeledRows;
    }

    /// <summary>A human name, usually the file name without directory.</summary>
    public string Name { get; }

    public ProblemSchema Schema { get; }

    public int RowCount { get; }

    /// <summary>True when every row has its class: the file had the label column, and rows without a label were skipped or there were none.</summary>
    public bool IsLabeled => _labels is not null;

    /// <summary>
    /// Rows of the file whose label was missing (<c>NA</c> or empty): skipped when labels were required,
    /// else the reason the dataset is unlabeled although the file has the label column.
    /// </summary>
    public int UnlabeledRows { get; }

    /// <summary>The row ids, when the problem names an id column and the file has it.</summary>
    public IReadOnlyList<string>? Ids { get; }

    /// <summary>The class index of every row (into the schema's classes); throws for unlabeled data.</summary>
    public ReadOnlySpan<int> Labels => _labels ?? throw new InvalidOperationException($"{Name} has no label column '{Schema.Label.Column}'");

    /// <summary>The values of the feature at <paramref name="index"/> in the problem's order.</summary>
    public ReadOnlySpan<double> Feature(int index) => _features[index];

    /// <summary>The values of the feature named <paramref name="name"/> (or an alias).</summary>
    public ReadOnlySpan<double> Feature(string name) => _features[IndexOf(name)];

    /// <summary>Writes row <paramref name="row"/>'s features into <paramref name="vector"/> (the problem's order): the input of a <see cref="RuleModel"/>.</summary>
    public void CopyRow(int row, Span<double> vector)
    {
        for (var f = 0; f < _features.Length; f++)
        {
            vector[f] = _features[f][row];
        }
    }

    public bool HasColumn(string name) => Schema.FindFeature(name) is not null;

    public ColumnSegments Column(string name) => new(_features[IndexOf(name)], ReadOnlyMemory<double>.Empty);

    private int IndexOf(string name)
    {
        var index = Schema.FeatureIndex(name);
        return index >= 0 ? index : throw new KeyNotFoundException($"{Name} has no feature '{name}'");
    }
}
