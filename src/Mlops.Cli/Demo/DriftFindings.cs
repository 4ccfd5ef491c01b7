using Mlops.Cli.Simulation;
using Mlops.Core.Data;
using Mlops.Core.Problems;

namespace Mlops.Cli.Demo;

/// <summary>When a feature first drifted in the monitor's windows, and how often.</summary>
/// <param name="Column">The feature.</param>
/// <param name="FirstMonth">The first month whose window drifted in it; null when it never did.</param>
/// <param name="MonthsDrifted">Months whose window drifted in it.</param>
public sealed record ColumnDriftOnset(string Column, int? FirstMonth, int MonthsDrifted);

/// <summary>
/// The monitor's drift verdicts over the simulated months, summed up: which feature drifted first and
/// when, and from which month the dataset drifted (half of the features or more).
/// </summary>
/// <param name="MonthsWithReport">Months the monitor reported on (its window was full).</param>
/// <param name="FirstDatasetDrift">The first month with dataset drift; null when none.</param>
/// <param name="DatasetDriftMonths">Months with dataset drift.</param>
/// <param name="Columns">Every feature, the earliest-drifting first; those that never drifted last.</param>
public sealed record DriftFindings(int MonthsWithReport, int? FirstDatasetDrift, int DatasetDriftMonths, IReadOnlyList<ColumnDriftOnset> Columns)
{
    /// <summary>The feature that drifted first (the first in column order on a tie); null when none did.</summary>
    public ColumnDriftOnset? First => Columns.FirstOrDefault(c => c.FirstMonth is not null);

    public static DriftFindings Of(IReadOnlyList<MonthResult> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var reported = months.Where(m => m.Drift is not null).OrderBy(m => m.Month).ToList();
        var columns = Feature.All
            .Select((feature, order) =>
            {
                // The monitor names a column as its reference file does (the seed's emergency_breaking).
                var drifted = reported.Where(m => m.Drift!.DriftedColumns.Any(c => ProblemSchema.Insurance.FindFeature(c)?.Name == feature.Name)).ToList();
                return (Order: order, Onset: new ColumnDriftOnset(feature.Name, drifted.FirstOrDefault()?.Month, drifted.Count));
            })
            .OrderBy(c => c.Onset.FirstMonth ?? int.MaxValue)
            .ThenBy(c => c.Order)
            .Select(c => c.Onset)
            .ToList();
        var datasetDrift = reported.Where(m => m.Drift!.DatasetDrift).ToList();
        return new DriftFindings(reported.Count, datasetDrift.FirstOrDefault()?.Month, datasetDrift.Count, columns);
    }
}
