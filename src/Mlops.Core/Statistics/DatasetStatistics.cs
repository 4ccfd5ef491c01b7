using Mlops.Core.Data;

namespace Mlops.Core.Statistics;

/// <summary>Per-column statistics and class counts of a dataset, as shown by <c>mlops data describe</c>.</summary>
public sealed record DatasetStatistics(
    string Dataset,
    int Rows,
    IReadOnlyList<ColumnStatistics> Columns,
    IReadOnlyDictionary<string, int>? ClassCounts)
{
    public static DatasetStatistics Of(InsuranceDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = Feature.All.Select(f => ColumnStatistics.Of(f.Name, dataset.Column(f))).ToList();
        var risks = dataset.Records.Where(r => r.Risk is not null).Select(r => r.Risk!.Value).ToArray();
        if (risks.Length == dataset.Count)
        {
            columns.Add(ColumnStatistics.Of(InsuranceCsvFormat.RiskColumn, risks));
        }

        Dictionary<string, int>? classes = null;
        if (dataset.IsLabeled)
        {
            var labels = dataset.Labels();
            classes = RiskGroups.All.ToDictionary(g => g.Name(), g => labels.Count(l => l == g));
        }

        return new DatasetStatistics(dataset.Name, dataset.Count, columns, classes);
    }
}
