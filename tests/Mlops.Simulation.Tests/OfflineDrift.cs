using Mlops.Core.Drift;
using Mlops.Core.Problems;
using Mlops.Testing;

namespace Mlops.Simulation.Tests;

/// <summary>The drift of each seed month file against the reference, computed directly (what <c>mlops drift</c> prints): the offline side of the comparison.</summary>
public static class OfflineDrift
{
    private static readonly Lazy<DriftCalculator> Calculator = new(() => new DriftCalculator(
        ColumnMapping.Insurance, NumericTableReader.ReadFile(RepositoryPaths.SeedMonth(0), ProblemSchema.Insurance)));

    public static DatasetDriftReport Month(int month) =>
        Calculator.Value.Calculate(NumericTableReader.ReadFile(RepositoryPaths.SeedMonth(month), ProblemSchema.Insurance), DateTimeOffset.UnixEpoch);

    /// <summary>The first of the 36 months whose file drifted in <paramref name="column"/>.</summary>
    public static int FirstDrift(string column) =>
        Enumerable.Range(1, 36).First(m => Month(m).Columns.Single(c => c.Column == column).Drifted);
}
