using Mlops.Core.Data;
using Mlops.Core.Problems;

namespace Mlops.Core.Statistics;

/// <summary>Per-column statistics and class counts of a dataset, as shown by <c>mlops data describe</c>.</summary>
/// <param name="Dataset">The file name.</param>
/// <param name="Rows">Data rows.</param>
/// <param name="Columns">Numeric and binary columns: count (of present values), mean, std, min, max.</param>
/// <param name="ClassCounts">Rows per class (by class name) when the data is labeled.</param>
/// <param name="Categories">Per categorical feature, rows per category (read through a problem file).</param>
/// <param name="MissingValues">Per feature, missing values (read through a problem file).</param>
/// <param name="ImpossibleValues">Per feature with validity bounds, values outside them (read through a problem file).</param>
public sealed record DatasetStatistics(
    string Dataset,
    int Rows,
    IReadOnlyList<ColumnStatistics> Columns,
    IReadOnlyDictionary<string, int>? ClassCounts,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>>? Categories = null,
    IReadOnlyDictionary<string, int>? MissingValues = null,
    IReadOnlyDictionary<string, int>? ImpossibleValues = null)
{
    /// <summary>The seed's risk score column, described beside the features when every row has one.</summary>
    private const string RiskColumn = "risk";

    public static DatasetStatistics Of(InsuranceDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = Feature.All.Select(f => ColumnStatistics.Of(f.Name, dataset.Column(f))).ToList();
        var risks = dataset.Records.Where(r => r.Risk is not null).Select(r => r.Risk!.Value).ToArray();
        if (risks.Length == dataset.Count)
        {
            columns.Add(ColumnStatistics.Of(RiskColumn, risks));
        }

        Dictionary<string, int>? classes = null;
        if (dataset.IsLabeled)
        {
            var labels = dataset.Labels();
            classes = RiskGroups.All.ToDictionary(g => g.Name(), g => labels.Count(l => l == g));
        }

        return new DatasetStatistics(dataset.Name, dataset.Count, columns, classes);
    }

    /// <summary>Any problem's data: numbers per numeric and binary feature, counts per category, classes by name.</summary>
    public static DatasetStatistics Of(ProblemDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var schema = dataset.Schema;
        var columns = new List<ColumnStatistics>();
        var categories = new Dictionary<string, IReadOnlyDictionary<string, int>>(StringComparer.Ordinal);
        var missing = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < schema.Features.Count; f++)
        {
            var feature = schema.Features[f];
            var values = dataset.Feature(f);
            var present = new List<double>(values.Length);
            foreach (var v in values)
            {
                if (!double.IsNaN(v))
                {
                    present.Add(v);
                }
            }

            missing[feature.Name] = values.Length - present.Count;
            if (feature.Kind == FeatureType.Categorical)
            {
                var names = feature.Categories ?? [];
                categories[feature.Name] = names.Select((c, i) => (c.Text, Count: present.Count(v => (int)v == i)))
                    .ToDictionary(p => p.Text, p => p.Count, StringComparer.Ordinal);
            }
            else
            {
                columns.Add(ColumnStatistics.Of(feature.Name, present));
            }
        }

        Dictionary<string, int>? classes = null;
        if (dataset.IsLabeled)
        {
            var labels = dataset.Labels.ToArray();
            classes = schema.Label.Classes.Select((c, i) => (c.Name, Count: labels.Count(l => l == i)))
                .ToDictionary(p => p.Name, p => p.Count, StringComparer.Ordinal);
        }

        var (impossible, _) = Analysis.ImpossibleValues.Count(dataset);
        return new DatasetStatistics(
            dataset.Name,
            dataset.RowCount,
            columns,
            classes,
            categories.Count == 0 ? null : categories,
            missing,
            impossible.Count == 0 ? null : impossible);
    }
}
